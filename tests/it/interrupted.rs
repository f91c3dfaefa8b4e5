//! A run ended from outside (issue 17, item 5): SIGTERM and SIGHUP (the
//! terminal closed) are handled as Ctrl-C is, so no temporary is left,
//! plaintext or encrypted, and a screen that shows keys is wiped; what a
//! `kill -9` leaves is swept by the next run that takes the writer lock.
//! Every signal is sent the moment the run's temporary file appears.

use std::{
    fs,
    os::unix::process::ExitStatusExt,
    path::Path,
    process::{Child, Stdio},
    time::{Duration, Instant},
};

use kapukulcs::prompter::CLEAR_SCREEN;

use crate::{
    saving::{Keyed, names},
    support::{
        pty::{CLEARED, Pty},
        run::text,
    },
};

/// The program's temporaries in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".kapukulcs-") && n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// Polls `dir` until a temporary appears, then sends `signal`; whether it
/// was sent while the temporary existed and the run ended by it, and how
/// the run ended.
fn signal_when_a_temporary_appears(
    mut child: Child,
    dir: &Path,
    signal: i32,
) -> (bool, std::process::ExitStatus) {
    let started = Instant::now();
    let mut seen = false;
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(30) {
        if !temporaries(dir).is_empty() {
            seen = true;
            break;
        }
    }
    if seen {
        // SAFETY: sending a signal to our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
    }
    let status = child.wait().unwrap();
    (seen && status.signal() == Some(signal), status)
}

/// Runs `start` until `signal` has landed `wanted` times while a
/// temporary existed in `dir`; after every run, none is left.
fn land(wanted: u32, signal: i32, dir: &Path, mut start: impl FnMut(u32) -> Child) -> u32 {
    let mut landed = 0;
    let mut attempt = 0;
    while landed < wanted {
        attempt += 1;
        assert!(
            attempt <= 400,
            "signal {signal}: only {landed} landed during a write in 400 runs"
        );
        let (now, status) = signal_when_a_temporary_appears(start(attempt), dir, signal);
        if now {
            landed += 1;
        }
        assert_eq!(
            temporaries(dir),
            Vec::<String>::new(),
            "signal {signal}, attempt {attempt}: a temporary was left ({status})"
        );
    }
    attempt
}

#[test]
fn sigterm_and_sighup_during_a_picture_write_leave_no_temporary() {
    let keyed = Keyed::new(0);
    let pictures = keyed.path("kepek");
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let attempts = land(10, signal, &pictures, |_| {
            let _ = fs::remove_dir_all(&pictures);
            fs::create_dir(&pictures).unwrap();
            keyed
                .command(&["visszaallitas", "--png", "kepek"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        });
        eprintln!("signal {signal}: 10 during a picture write in {attempts} runs");
    }
}

#[test]
fn sigint_sigterm_and_sighup_during_a_bundle_save_leave_no_temporary() {
    let keyed = Keyed::new(1_500_000);
    let dir = keyed.path("");
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        let attempts = land(10, signal, &dir, |attempt| {
            keyed.start_adding(&format!("Vendég {signal} {attempt}"), "GEZDGNBVGY3TQOJQ")
        });
        eprintln!("signal {signal}: 10 during a bundle save in {attempts} runs");
        // The bundle is the old one or the new one, whole.
        assert!(keyed.names().expect("the bundle opens").contains("Mama"));
    }
}

#[test]
fn temporaries_a_kill_left_are_swept_by_the_next_writer() {
    let keyed = Keyed::new(0);
    let planted = [
        ".kapukulcs-Ab12Cd.tmp",
        ".kapukulcs-Zz99Yy.tmp",
        ".kapukulcs-Zz99Yy.bak.tmp",
        ".kapukulcs-Qq11Ww.bak.tmp",
    ];
    for name in planted {
        fs::write(keyed.path(name), b"age-encryption.org/v1 half").unwrap();
    }
    // Not the program's names, or not plain files: kept.
    let victim = keyed.path("level.txt");
    fs::write(&victim, b"Kedves Mama!").unwrap();
    let kept = [
        ".kapukulcs-jegyzet.txt",
        ".kapukulcs-abc.tmp",
        ".kapukulcs-Ab12Cd.tmp.txt",
        "kapukulcs-Ab12Cd.tmp",
        ".kapukulcs-Ab12C-.tmp",
    ];
    for name in kept {
        fs::write(keyed.path(name), b"mine").unwrap();
    }
    std::os::unix::fs::symlink(&victim, keyed.path(".kapukulcs-Ll00Kk.tmp")).unwrap();
    fs::create_dir(keyed.path(".kapukulcs-Dd00Ee.tmp")).unwrap();
    // One still being written: its writer holds a lock on it.
    let held = keyed.path(".kapukulcs-Hh77Gg.tmp");
    let writing = fs::File::create(&held).unwrap();
    writing.lock().unwrap();

    let out = keyed.run(
        &["hozzaadas", "--name", "Papa", "--key", "-"],
        "GEZDGNBVGY3TQOJQ\n",
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("Félbehagyott ideiglenes fájlt töröltem ebben a mappában")
            && err.contains("4 darab"),
        "{err}"
    );
    for name in planted {
        assert!(!keyed.path(name).exists(), "{name} was left");
    }
    for name in kept {
        assert_eq!(fs::read(keyed.path(name)).unwrap(), b"mine", "{name}");
    }
    assert!(
        fs::symlink_metadata(keyed.path(".kapukulcs-Ll00Kk.tmp"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&victim).unwrap(), b"Kedves Mama!");
    assert!(keyed.path(".kapukulcs-Dd00Ee.tmp").is_dir());
    assert!(held.exists(), "a temporary being written was removed");
    assert_eq!(keyed.names().unwrap(), names(&["Mama", "Papa"]));
    // Nothing left to sweep: the next writer says nothing about it.
    drop(writing);
    fs::remove_file(&held).unwrap();
    let out = keyed.run(&["torles", "--yes", "Papa"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !text(&out.stderr).contains("Félbehagyott"),
        "{}",
        text(&out.stderr)
    );
}

/// The screen after the last time it showed `shown`.
fn after_last<'a>(screen: &'a str, shown: &str) -> &'a str {
    let at = screen
        .rfind(shown)
        .unwrap_or_else(|| panic!("{shown:?} never shown:\n{screen}"));
    &screen[at..]
}

#[test]
fn an_ending_signal_wipes_a_screen_that_shows_codes_or_keys() {
    let keyed = Keyed::new(0);
    let arguments = |command: &str| {
        vec![
            "--bundle".to_owned(),
            "mentes.age".to_owned(),
            "--identity".to_owned(),
            "kulcs.txt".to_owned(),
            command.to_owned(),
        ]
    };
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // `ellenorzes --live`: the codes, redrawn each second.
        let args = [arguments("ellenorzes"), vec!["--live".to_owned()]].concat();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut pty = Pty::start(keyed.dir_path(), &args);
        pty.expect("(Kilépés: Ctrl-C)");
        // SAFETY: sending a signal to our own child.
        unsafe { libc::kill(pty.pid(), signal) };
        // Waited for here: what arrives as the run ends may be missed
        // once the end of the output is reached.
        pty.expect(CLEAR_SCREEN);
        let screen = pty.finish();
        assert!(
            after_last(&screen, "Mama").contains(CLEARED),
            "signal {signal}: the codes stayed:\n{screen}"
        );

        // `visszaallitas`: the key, waiting for the phone's code.
        let args = arguments("visszaallitas");
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut pty = Pty::start(keyed.dir_path(), &args);
        pty.expect("ABCD EFGH IJKL MNOP QRST");
        pty.expect("Mama sorában mutat");
        // SAFETY: sending a signal to our own child.
        unsafe { libc::kill(pty.pid(), signal) };
        pty.expect(CLEAR_SCREEN);
        let screen = pty.finish();
        assert!(
            after_last(&screen, "ABCD EFGH").contains(CLEARED),
            "signal {signal}: the key stayed:\n{screen}"
        );
    }
}
