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
const CHECK: usize = 5;
const PRINT: usize = 6;
const LIST: usize = 7;
const PERSON: usize = 8;
const PASSPHRASE_CHANGE: usize = 9;
const QUIT: usize = 11;

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

/// A bundle in `dir` holding Mama (from her otpauth URI) and Papa; the
/// URIs. The passphrase is in `jelszo.txt`.
fn mama_and_papa(dir: &std::path::Path) -> [String; 2] {
    fs::write(dir.join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    let uris = [
        ugyfelkapu_uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST"),
        ugyfelkapu_uri("kovacs.janos", "MFRGGZDFMZTWQ2LKNNWG"),
    ];
    for (name, uri) in ["Mama", "Papa"].iter().zip(&uris) {
        let out = in_dir(
            dir,
            &[
                "--bundle",
                "mentes.age",
                "--passphrase-file",
                "jelszo.txt",
                "hozzaadas",
                "--name",
                name,
                "--uri",
                "-",
            ],
            &format!("{uri}\n"),
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    uris
}

/// Issue 18, item 2: "whose code is this?" never tells anyone to delete a
/// working entry on a typing error: a digit off is a near miss, a short or
/// lettered code a typing error, a code 90 s ahead the phone's clock.
#[test]
fn whose_code_never_says_delete_on_a_typing_error() {
    let dir = tempfile::tempdir().unwrap();
    let uris = mama_and_papa(dir.path());
    let mama = OtpAuth::parse(&uris[0]).unwrap();
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line(PASSPHRASE);
    menu.expect("Mit szeretnél?");
    menu.pick(CHECK);
    menu.expect("Írd be egymás után");
    let right = totp::generate(&mama, now());
    let mut typo = right.clone().into_bytes();
    typo[3] = if typo[3] == b'9' { b'0' } else { typo[3] + 1 };
    menu.line(&String::from_utf8(typo).unwrap());
    menu.expect("egyetlen számjegyben tér el Mama mostani kódjától");
    menu.line("12345");
    menu.expect("Ez nem egy kód");
    menu.line("abc");
    menu.expect("Ez nem egy kód");
    menu.line(&totp::generate(&mama, now() + 90));
    menu.expect("ez Mama kódja, de nem a mostani");
    menu.line("");
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    let screen = menu.finish();
    assert!(!screen.contains("töröld a telefonon"), "{screen}");
}

/// Issue 18, item 3: the menu removes one person after a confirmation
/// that says no unless told otherwise.
#[test]
fn the_menu_removes_one_person_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    mama_and_papa(dir.path());
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line(PASSPHRASE);
    menu.expect("Mit szeretnél?");
    menu.pick(PERSON);
    menu.expect("Kinek az adataival?");
    menu.pick(1); // Papa
    menu.expect("Mit tegyünk Papa adataival?");
    menu.pick(1); // remove
    menu.expect("Biztosan törlöd Papa adatait");
    menu.line(""); // the default: no
    menu.expect("Nem töröltem: Papa");
    menu.expect("Mit szeretnél?");
    menu.pick(PERSON);
    menu.expect("Kinek az adataival?");
    menu.pick(1);
    menu.expect("Mit tegyünk Papa adataival?");
    menu.pick(1);
    menu.expect("Biztosan törlöd Papa adatait");
    menu.send("\x1b[A"); // Igen
    menu.line("");
    menu.expect("Töröltem: Papa");
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    menu.finish();
    let family = crate::support::open_bundle(dir.path()).family;
    assert_eq!(family.members.len(), 1);
    assert_eq!(family.members[0].name, "Mama");
    assert!(dir.path().join("mentes.age.bak").is_file());
}

/// Issue 18, item 11: changing the passphrase says that the one asked for
/// now is the new one.
#[test]
fn a_passphrase_change_asks_for_the_new_one_in_words() {
    let dir = tempfile::tempdir().unwrap();
    mama_and_papa(dir.path());
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line(PASSPHRASE);
    menu.expect("Mit szeretnél?");
    menu.pick(PASSPHRASE_CHANGE);
    menu.expect("Most az ÚJ jelszó jön");
    menu.expect("Adj meg egy jelszót");
    let new = "szilva-korte-barack-57-tavasz";
    menu.line(new);
    menu.expect("Írd be még egyszer");
    menu.line(new);
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    menu.finish();
}

/// Issue 18, item 8: a first start that registers nobody keeps the
/// passphrase (the empty bundle is saved, so the next start asks for the
/// passphrase, not a new one); the list, the sheet and restore say there
/// is no one yet and what to do.
#[test]
fn a_first_start_keeps_its_passphrase_and_an_empty_backup_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("Adj meg egy jelszót");
    menu.line(PASSPHRASE);
    menu.expect("Írd be még egyszer");
    menu.line(PASSPHRASE);
    for item in [LIST, PRINT, RESTORE] {
        menu.expect("Mit szeretnél?");
        menu.pick(item);
        menu.expect("A mentésben még nincs senki.");
    }
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    let screen = menu.finish();
    assert!(
        !screen.contains("0 családtag") && !screen.contains("0 fiók"),
        "{screen}"
    );
    assert!(dir.path().join("mentes.age").is_file());
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line(PASSPHRASE);
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    menu.finish();
}
