//! The main menu as a person uses it, in a pseudo-terminal: the passphrase
//! is asked once for the whole visit, however many items are used.

use std::fs;

use kapukulcs::{formats::otpauth::OtpAuth, totp};

use crate::support::{
    PASSPHRASE, now,
    picture::ugyfelkapu_uri,
    pty::Pty,
    run::{in_dir, text},
};

/// The menu's items, as `src/commands/menu.rs` orders them.
const RESTORE: usize = 1;
const PRINT: usize = 5;
const QUIT: usize = 9;

#[test]
fn the_passphrase_is_asked_once_for_a_whole_visit_to_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    let uri = ugyfelkapu_uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST");
    let out = in_dir(
        dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "hozzaadas",
            "--name",
            "Mama",
            "--uri",
            "-",
        ],
        &format!("{uri}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line(PASSPHRASE);
    // Restore Mama on the "new phone", then back to the menu.
    menu.expect("Mit szeretnél?");
    menu.pick(RESTORE);
    menu.expect("Írd be a kódot, amit a telefon most Mama sorában mutat");
    let account = OtpAuth::parse(&uri).unwrap();
    menu.line(&totp::generate(&account, now()));
    menu.expect("Mama kulcsa a telefonon működik");
    // Print the sheet, then quit.
    menu.expect("Mit szeretnél?");
    menu.pick(PRINT);
    menu.expect("A helyreállító lap elkészült");
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    let screen = menu.finish_plain();

    // Each question is drawn as "? question ›"; once answered, "✔ …".
    assert_eq!(
        screen.matches("? A mentés jelszava ›").count(),
        1,
        "the passphrase was asked more than once:\n{screen}"
    );
    assert!(dir.path().join("kapukulcs-helyreallito-lap.pdf").is_file());
    // The restore's confirmation was saved.
    let bundle = crate::support::open_bundle(dir.path());
    assert!(bundle.family.members[0].confirmed.is_some());
}
