//! End to end: the real binary in a pseudo-terminal, keys typed, the screen read back through a
//! vt100 parser, and the terminal checked after it quits (main screen, cursor shown, echo on).
#![cfg(unix)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<thread::JoinHandle<()>>,
}

fn local_flags(master: &dyn MasterPty) -> libc::tcflag_t {
    let fd = master.as_raw_fd().expect("a unix pty");
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
    t.c_lflag
}

impl Session {
    fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_attache"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env(
            "ATTACHE_CACHE_DIR",
            std::env::temp_dir().join("attache-test-cache"),
        );
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn attache");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(30).unwrap(),
            std::num::NonZero::new(100).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (screen.clone(), raw.clone());
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            master: pair.master,
            child,
            writer,
            screen,
            raw,
            reader: Some(reader),
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `what` (10 s at most).
    fn wait_for(&self, label: &str, what: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if what(&self.contents()) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {label}; screen:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the key arrive alone, so that Esc is not read as Alt plus the next key.
        thread::sleep(Duration::from_millis(60));
    }

    /// Waits for the process to end; returns its exit code.
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The reader ends when the last slave descriptor closes.
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "attache did not exit:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn assert_terminal_restored(&self, echo_before: libc::tcflag_t) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still in the alternate screen");
        assert!(!screen.hide_cursor(), "cursor left hidden");
        let after = local_flags(&*self.master);
        assert_ne!(after & libc::ECHO, 0, "echo left off");
        assert_ne!(after & libc::ICANON, 0, "raw mode left on");
        assert_eq!(
            after & (libc::ECHO | libc::ICANON),
            echo_before & (libc::ECHO | libc::ICANON)
        );
    }
}

#[test]
fn tabs_sources_help_and_quit_leave_the_terminal_as_it_was() {
    let mut s = Session::start(&[]);
    let before = local_flags(&*s.master);
    s.wait_for("the first frame", |c| {
        c.contains("1 Timeline") && c.contains("sources")
    });
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.send("3");
    s.wait_for("the sources view", |c| {
        c.contains("5/5 sources") && c.contains("Published")
    });
    let rows = s
        .contents()
        .lines()
        .filter(|l| {
            l.contains("assets/corpus")
                || l.contains("unknown")
                || l.contains("inferred")
                || l.contains("metadata")
        })
        .count();
    assert!(rows >= 5, "five documents listed:\n{}", s.contents());
    s.send("?");
    s.wait_for("the help", |c| {
        c.contains("Keys") && c.contains("filter by actor")
    });
    s.send("\x1b");
    s.wait_for("the help to close", |c| !c.contains("filter by actor"));
    s.send("/");
    s.send("zzzzqqq");
    s.wait_for("an empty filtered list", |c| {
        c.contains("0/5 sources") && c.contains("/zzzzqqq")
    });
    s.send("\x1b");
    s.wait_for("the filter to clear", |c| c.contains("5/5 sources"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_terminal_restored(before);
}

#[test]
fn an_article_opens_from_the_sources_and_esc_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Harbour talks resume\n\nMinister Jane Holt met envoys in Brenna on Monday.\n\n\u{201c}We will keep talking,\u{201d} Holt said.\n";
    std::fs::write(dir.path().join("holt.txt"), text).unwrap();
    let evil =
        "Evil page\n\nBefore\u{1b}]52;c;ZXZpbA==\u{7} and \u{1b}[2J after, a bell\u{7} too.\n";
    std::fs::write(dir.path().join("evil.txt"), evil).unwrap();
    let mut s = Session::start(&[dir.path().to_str().unwrap()]);
    let before = local_flags(&*s.master);
    s.wait_for("the first frame", |c| c.contains("1 Timeline"));
    s.send("3");
    s.wait_for("two sources", |c| c.contains("2/2 sources"));
    s.send("G");
    s.send("\r");
    s.wait_for("the article", |c| {
        c.contains("Article:") && c.contains("Minister Jane Holt met envoys")
    });
    s.send("\x1b");
    s.wait_for("the list again", |c| {
        c.contains("2/2 sources") && !c.contains("Article:")
    });
    s.send("g");
    s.send("\r");
    s.wait_for("the evil article", |c| {
        c.contains("Before") && c.contains("after, a bell")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_terminal_restored(before);
    let raw = s.raw.lock().unwrap();
    let out = String::from_utf8_lossy(&raw);
    assert!(
        !out.contains("\u{1b}]52"),
        "an OSC 52 from the article reached the terminal"
    );
    assert!(!out.contains("ZXZpbA"), "the OSC payload was drawn");
    assert!(
        !out.contains("\u{1b}[2J"),
        "a screen clear from the article reached the terminal"
    );
    assert!(!out.contains('\u{7}'), "a bell reached the terminal");
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[]);
    let before = local_flags(&*s.master);
    s.wait_for("the first frame", |c| c.contains("1 Timeline"));
    let pid = s.child.process_id().expect("a pid") as libc::pid_t;
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_eq!(s.wait_exit(), 128 + libc::SIGTERM as u32);
    s.assert_terminal_restored(before);
}

/// Colour as crossterm writes it: SGR 38;5;N (foreground) or 48;5;N (background).
fn has_colour(raw: &[u8]) -> bool {
    let out = String::from_utf8_lossy(raw);
    out.contains("38;5;") || out.contains("48;5;")
}

#[test]
fn no_color_draws_without_colours_and_theme_overrides_it() {
    let mut s = Session::start_with(&[], &[("NO_COLOR", "1")]);
    s.wait_for("the first frame", |c| c.contains("1 Timeline"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw.lock().unwrap().clone();
    assert!(!has_colour(&raw));
    let out = String::from_utf8_lossy(&raw);
    assert!(
        out.contains("\u{1b}[7m"),
        "mono marks the selection with reverse video"
    );
    assert!(
        !out.contains("\u{1b}[;m"),
        "no empty SGR that would reset bold and reverse"
    );

    let mut s = Session::start_with(&["--theme", "light"], &[("NO_COLOR", "1")]);
    s.wait_for("the first frame", |c| c.contains("1 Timeline"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw.lock().unwrap();
    assert!(
        has_colour(&raw),
        "{:?}",
        String::from_utf8_lossy(&raw[..raw.len().min(400)])
    );
}
