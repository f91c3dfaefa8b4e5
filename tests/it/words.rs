//! The words a person reads, as they read them (issue 18, "Hungarian"):
//! the real binary in a pseudo-terminal for what the screen shows (the
//! live codes redrawn in place, one greeting, one "1. lépés", no "kezdd
//! magaddal" once "Én" is saved), the help's value names, and the files
//! that ship beside the program.

use std::fs;

use crate::{
    saving::Keyed,
    support::{
        PASSPHRASE,
        pty::{CLEARED, Pty},
        run::{in_dir, text},
    },
};

/// The menu's item for the live codes, as `src/commands/menu.rs` orders it.
const CODES_LIVE: usize = 4;
const QUIT: usize = 11;

/// The live view's title: once on the screen however long it runs.
const LIVE_TITLE: &str = "Mindenki mostani kódja:";

/// Mama's line in a live view: her name, the code, the bar, the seconds.
fn live_line(screen: &str) -> &str {
    screen
        .lines()
        .rfind(|l| l.trim_start().starts_with("Mama ") && l.contains('['))
        .unwrap_or_else(|| panic!("no live line for Mama:\n{screen}"))
}

#[test]
fn the_live_codes_are_redrawn_in_place_not_copied_into_the_scrollback() {
    let keyed = Keyed::new(0);
    let args = [
        "--bundle",
        "mentes.age",
        "--identity",
        "kulcs.txt",
        "ellenorzes",
        "--live",
    ];
    let mut pty = Pty::start(keyed.dir_path(), &args);
    // Three frames, a second apart.
    for _ in 0..3 {
        pty.expect("(Kilépés: Ctrl-C)");
    }
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(pty.pid(), libc::SIGINT) };
    pty.expect(kapukulcs::prompter::CLEAR_SCREEN);
    let screen = pty.finish();
    // One copy of the view (the emulator keeps whatever was pushed up), and
    // the only clearing is the wipe as the run ends.
    assert_eq!(screen.matches(LIVE_TITLE).count(), 1, "{screen}");
    assert_eq!(screen.matches(CLEARED).count(), 1, "{screen}");
    assert!(screen.trim_end().ends_with(CLEARED), "{screen}");
    let line = live_line(&screen);
    assert!(line.ends_with(" mp"), "seconds in English: {line}");
}

#[test]
fn the_menus_live_codes_are_redrawn_in_place_and_called_current() {
    let keyed = Keyed::new(0);
    let args = ["--bundle", "mentes.age", "--identity", "kulcs.txt"];
    let mut menu = Pty::start(keyed.dir_path(), &args);
    menu.expect("Mit szeretnél?");
    menu.expect("Kilépés");
    menu.pick(CODES_LIVE);
    for _ in 0..3 {
        menu.expect("(Vissza a menübe: Enter)");
    }
    menu.line("");
    menu.expect("Mit szeretnél?");
    menu.expect("Kilépés");
    menu.pick(QUIT);
    let screen = menu.finish();
    // Codes that change every 30 seconds are not "today's".
    assert!(!screen.contains("A mai kódok"), "{screen}");
    assert!(screen.contains("A mostani kódok"), "{screen}");
    let before_wipe = screen.rsplit_once(CLEARED).map_or(&*screen, |(b, _)| b);
    assert_eq!(before_wipe.matches(LIVE_TITLE).count(), 1, "{screen}");
    assert_eq!(screen.matches(CLEARED).count(), 1, "{screen}");
    assert!(live_line(before_wipe).ends_with(" mp"), "{screen}");
}

/// The wizard up to the first step's page for `name`, in `dir`, whose
/// bundle may already exist (then its passphrase comes from a file);
/// the screen so far. The run is killed there: nothing is saved before
/// the key is read.
fn wizard_until_step_1(dir: &std::path::Path, new: bool, name: &str) -> String {
    let mut args = vec!["--bundle", "mentes.age"];
    if !new {
        args.extend(["--passphrase-file", "jelszo.txt"]);
    }
    args.extend(["beallitas", "--dir", "kapukulcs"]);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kapukulcs"));
    command
        .args(&args)
        .current_dir(dir)
        .env("KAPUKULCS_SCREENSHOT_DIR", dir.join("kepek"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    fs::create_dir_all(dir.join("kepek")).unwrap();
    let mut run = Pty::spawn(command);
    if new {
        run.expect("Adj meg egy jelszót");
        run.line(PASSPHRASE);
        run.expect("Írd be még egyszer");
        run.line(PASSPHRASE);
    } else {
        run.expect("Felveszel most valakit?");
        run.line("");
    }
    run.expect("Kit regisztrálunk?");
    run.line(name);
    run.expect("felhasználóneve");
    run.line("");
    run.expect("Nyomj Entert, ha látod a QR-kódot.");
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(run.pid(), libc::SIGKILL) };
    run.finish()
}

#[test]
fn the_wizard_greets_once_and_has_one_first_step() {
    let dir = tempfile::tempdir().unwrap();
    let screen = wizard_until_step_1(dir.path(), true, "Én");
    assert_eq!(screen.matches("Üdv").count(), 1, "two greetings:\n{screen}");
    let firsts: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("1. lépés"))
        .map(|l| l.trim_start_matches(['✔', '?', ' ']))
        .collect();
    assert_eq!(
        firsts,
        ["1. lépés – Az Ügyfélkapu oldalán"],
        "two different first steps:\n{screen}"
    );
    // Before "Én" is saved, the guide's advice stands.
    assert!(screen.contains("kezdd magaddal"), "{screen}");
}

#[test]
fn once_en_is_saved_the_wizard_no_longer_says_start_with_yourself() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    let out = in_dir(
        dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "hozzaadas",
            "--name",
            "Én",
            "--key",
            "-",
        ],
        "gezd gnbv gy3t qojq\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let screen = wizard_until_step_1(dir.path(), false, "Mama");
    assert!(!screen.contains("kezdd magaddal"), "{screen}");
    assert!(screen.contains("Kit regisztrálunk?"), "{screen}");
}

#[test]
fn the_help_names_every_value_in_hungarian() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["hozzaadas", "beallitas"] {
        let out = in_dir(dir.path(), &[command, "--help"], "");
        let help = text(&out.stdout);
        assert!(out.status.success(), "{help}");
        assert!(!help.contains("<->"), "{command}:\n{help}");
        assert!(
            help.contains("--deletion-code <BEMENET>"),
            "{command}:\n{help}"
        );
    }
    let out = in_dir(dir.path(), &["hozzaadas", "--help"], "");
    let help = text(&out.stdout);
    assert!(
        help.contains("--key <BEMENET>") && help.contains("--uri <BEMENET>"),
        "{help}"
    );
}

/// The text of `file` in the repository.
fn shipped(file: &str) -> String {
    fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The paragraph (lines up to an empty one) of `text` that holds `words`.
fn paragraph<'a>(text: &'a str, words: &str) -> &'a str {
    text.split("\n\n")
        .find(|p| p.contains(words))
        .unwrap_or_else(|| panic!("{words:?} not found"))
}

#[test]
fn the_read_me_files_say_that_a_first_start_asks_for_a_passphrase() {
    // What a first start shows: the passphrase question, not the menu.
    let dir = tempfile::tempdir().unwrap();
    let mut first = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    first.expect("Adj meg egy jelszót");
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(first.pid(), libc::SIGKILL) };
    let screen = first.finish();
    assert!(!screen.contains("Mit szeretnél?"), "{screen}");

    for (file, words) in [
        ("README.md", "duplán"),
        ("packaging/OLVASS-EL.txt", "fekete ablak"),
    ] {
        let text = shipped(file);
        let said = paragraph(&text, words);
        assert!(
            said.contains("jelszó"),
            "{file} does not say that a first start asks for a passphrase:\n{said}"
        );
    }
}

#[test]
fn the_windows_read_me_speaks_plainly() {
    let text = shipped("packaging/OLVASS-EL.txt");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "a program nincs digitálisan aláírva",
        "ZIP-fájl",
        "nagybetűkkel",
        "kisbetűkkel",
    ] {
        assert!(flat.contains(words), "{words:?} missing:\n{text}");
    }
    assert!(!flat.contains("ZIP fájl"), "{text}");
}
