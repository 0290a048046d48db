//! End to end: the real binary in a pseudo-terminal, keys typed, the screen read back through a
//! vt100 parser, and the terminal checked after it quits (main screen, cursor shown, echo on).
#![cfg(unix)]

use crate::pty_session::{Session, local_flags};

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

/// The real binary writes the open article's address as an OSC 8 hyperlink, and plain text under
/// NO_COLOR.
#[test]
fn the_article_address_is_a_hyperlink_unless_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\ntitle: Harbour talks resume\nurl: https://news.example/2031/holt\n---\n\nMinister Jane Holt met envoys in Brenna on Monday.\n";
    std::fs::write(dir.path().join("holt.md"), text).unwrap();
    for (env, linked) in [
        (vec![("NO_COLOR", "")], true),
        (vec![("NO_COLOR", "1")], false),
    ] {
        let mut s = Session::start_with(&[dir.path().to_str().unwrap()], &env);
        s.wait_for("the first frame", |c| c.contains("1 Timeline"));
        s.send("3");
        s.send("\r");
        s.wait_for("the article", |c| {
            c.contains("news.example/2031/holt") && c.contains("Minister Jane Holt")
        });
        s.send("q");
        assert_eq!(s.wait_exit(), 0);
        let raw = s.raw.lock().unwrap();
        let out = String::from_utf8_lossy(&raw);
        assert_eq!(
            out.contains("\u{1b}]8;;https://news.example/2031/holt\u{1b}\\"),
            linked,
            "NO_COLOR={:?}",
            env[0].1
        );
    }
}

/// SIGINT (kill, not Ctrl-C, which raw mode reads as a key), SIGHUP (an SSH link dropping) and
/// SIGTERM each end attache at once with 128 + the signal, the terminal restored, mouse capture
/// off included.
#[test]
fn every_signal_restores_the_terminal_and_mouse() {
    for sig in [libc::SIGINT, libc::SIGHUP, libc::SIGTERM] {
        let mut s = Session::start(&["--mouse"]);
        let before = local_flags(&*s.master);
        s.wait_for("the first frame", |c| c.contains("1 Timeline"));
        assert_ne!(
            s.screen.lock().unwrap().screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "--mouse turns mouse capture on"
        );
        let pid = s.child.process_id().expect("a pid") as libc::pid_t;
        // SAFETY: kill only sends a signal to our own child.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
        assert_eq!(s.wait_exit(), 128 + sig as u32, "signal {sig}");
        s.assert_terminal_restored(before);
        assert_eq!(
            s.screen.lock().unwrap().screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture left on after signal {sig}"
        );
    }
}

/// A panic inside the running TUI (injected through a test-only variable) leaves the terminal
/// as it was and still reports the panic.
#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::start_with(&["--mouse"], &[("ATTACHE_TEST_PANIC_ON_KEY", "1")]);
    let before = local_flags(&*s.master);
    s.wait_for("the first frame", |c| c.contains("1 Timeline"));
    s.send("j");
    assert_eq!(s.wait_exit(), 101, "a panic exits with Rust's panic code");
    s.assert_terminal_restored(before);
    assert_eq!(
        s.screen.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    let raw = s.raw.lock().unwrap();
    let out = String::from_utf8_lossy(&raw);
    let restored_at = out
        .rfind("\u{1b}[?1049l")
        .expect("the alternate screen is left");
    let panic_at = out
        .rfind("injected panic")
        .expect("the panic message is shown");
    assert!(
        restored_at < panic_at,
        "the message is printed after the terminal is restored"
    );
}

/// On a terminal that cannot draw (TERM=dumb) attache prints the plain timeline instead: no
/// alternate screen, no raw mode, nothing but text and line ends.
#[test]
fn term_dumb_prints_the_plain_timeline() {
    let mut s = Session::start_with(&[], &[("TERM", "dumb")]);
    let before = local_flags(&*s.master);
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw.lock().unwrap().clone();
    let out = String::from_utf8_lossy(&raw);
    assert!(out.contains("past"), "the timeline is printed:\n{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no escape sequence on a dumb terminal"
    );
    assert_eq!(local_flags(&*s.master), before);
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

/// Killed (SIGKILL: nothing runs on the way out) while reading an article, scrolled down: the
/// next start reopens that article at the same line, and Esc goes back to the list.
#[test]
fn a_killed_session_reopens_in_the_article_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut text = String::from("Quay works resume\n\n");
    for i in 1..=80 {
        text.push_str(&format!(
            "Paragraph {i} of the Tarnwick harbour report.\n\n"
        ));
    }
    std::fs::write(dir.path().join("quay.txt"), &text).unwrap();
    let corpus = dir.path().to_str().unwrap();
    let home_path = home.path().to_str().unwrap();
    let env = [("ATTACHE_HOME", home_path)];
    let mut s = Session::start_with(&[corpus], &env);
    s.wait_for("the first frame", |c| c.contains("1 Timeline"));
    s.send("3");
    s.wait_for("the source", |c| c.contains("1/1 sources"));
    s.send("\r");
    s.wait_for("the article", |c| {
        c.contains("Article:") && c.contains("Paragraph 1 ")
    });
    for _ in 0..3 {
        s.send("\x04");
    }
    s.wait_for("scrolled down", |c| {
        c.contains("Paragraph 30 ") && !c.contains("Paragraph 2 ")
    });
    let shown = s.contents();
    // The place is written once the user pauses.
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let pid = s.child.process_id().expect("a pid") as libc::pid_t;
    // SAFETY: kill only sends a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
    s.wait_exit();
    drop(s);

    let mut again = Session::start_with(&[corpus], &env);
    again.wait_for("the same article, scrolled", |c| {
        c.contains("Article:") && c.contains("Paragraph 30 ") && !c.contains("Paragraph 2 ")
    });
    let first_line = |c: &str| {
        c.lines()
            .find(|l| l.contains("Paragraph"))
            .map(str::to_string)
    };
    assert_eq!(first_line(&again.contents()), first_line(&shown));
    again.send("\x1b");
    again.wait_for("the list", |c| {
        c.contains("1/1 sources") && !c.contains("Article:")
    });
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}
