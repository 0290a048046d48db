//! A pseudo-terminal session with the real binary, for the end-to-end tests: keys typed, the
//! screen read back through a vt100 parser. attache's settings and kept files go to a temporary
//! directory (ATTACHE_HOME), never the real home.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub struct Session {
    /// The directory attache keeps its files in (never the real home).
    pub home: std::path::PathBuf,
    _home: Option<tempfile::TempDir>,
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<thread::JoinHandle<()>>,
}

pub fn local_flags(master: &dyn MasterPty) -> libc::tcflag_t {
    let fd = master.as_raw_fd().expect("a unix pty");
    // SAFETY: termios is plain old data, for which all zeroes is a valid value.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: tcgetattr writes one termios we own, for a descriptor the pty keeps open.
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
    t.c_lflag
}

impl Session {
    pub fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
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
        cmd.env_remove("ATTACHE_CONFIG_DIR");
        cmd.env_remove("ATTACHE_DATA_DIR");
        // Settings and kept state go to a fresh directory unless the test gives one.
        let given = env
            .iter()
            .find(|(k, _)| *k == "ATTACHE_HOME")
            .map(|(_, v)| *v);
        let (home, temp) = match given {
            Some(h) => (std::path::PathBuf::from(h), None),
            None => {
                let t = tempfile::tempdir().expect("a temp dir");
                (t.path().to_path_buf(), Some(t))
            }
        };
        cmd.env("ATTACHE_HOME", &home);
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
            home,
            _home: temp,
            master: pair.master,
            child,
            writer,
            screen,
            raw,
            reader: Some(reader),
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `what` (10 s at most).
    pub fn wait_for(&self, label: &str, what: impl Fn(&str) -> bool) {
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

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the key arrive alone, so that Esc is not read as Alt plus the next key.
        thread::sleep(Duration::from_millis(60));
    }

    /// Waits for the process to end; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
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

    pub fn assert_terminal_restored(&self, echo_before: libc::tcflag_t) {
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
