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
const DEMO: usize = 10;
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

    let mut menu = start_at_home(dir.path(), &["--bundle", "mentes.age"]);
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
    menu.expect("Megnyissam a PDF-nézőben");
    menu.send(crate::support::pty::DOWN);
    menu.line(""); // Nem
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    let screen = menu.finish_plain();

    // Each question is drawn as "? question ›"; once answered, "✔ …".
    assert_eq!(
        screen.matches("? A mentés jelszava ›").count(),
        1,
        "the passphrase was asked more than once:\n{screen}"
    );
    assert!(
        dir.path()
            .join("kapukulcs")
            .join("helyreallito-lap.pdf")
            .is_file()
    );
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
    let mut menu = Pty::menu(dir.path());
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
    let mut menu = Pty::menu(dir.path());
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
    let mut menu = Pty::menu(dir.path());
    menu.pick(PASSPHRASE_CHANGE);
    menu.expect("Most az ÚJ jelszó jön");
    menu.expect("Add meg az új jelszót");
    let new = "szilva-korte-barack-57-tavasz";
    menu.line(new);
    menu.expect("Írd be még egyszer az új jelszót");
    menu.line(new);
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    let screen = menu.finish();
    // The first passphrase's words are not used for the new one.
    assert!(!screen.contains("Adj meg egy jelszót"), "{screen}");
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
    let mut menu = Pty::menu(dir.path());
    menu.pick(QUIT);
    menu.finish();
}

/// The program in `dir` as the person's home folder too, so the wizard's
/// folder (`~/kapukulcs`) is inside the test's own folder.
fn start_at_home(dir: &std::path::Path, args: &[&str]) -> Pty {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kapukulcs"));
    command
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME");
    Pty::spawn(command)
}

/// Issue 18, item 8: `lista` on an empty backup says there is no one yet
/// and what to do, in the words of a terminal.
#[test]
fn lista_on_an_empty_backup_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("Adj meg egy jelszót");
    menu.line(PASSPHRASE);
    menu.expect("Írd be még egyszer");
    menu.line(PASSPHRASE);
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    menu.finish();
    let mut list = Pty::start(dir.path(), &["--bundle", "mentes.age", "lista"]);
    list.expect("A mentés jelszava");
    list.line(PASSPHRASE);
    list.expect("A mentésben még nincs senki.");
    list.expect("Előbb vedd fel a családtagokat: kapukulcs beallitas");
    list.finish();
}

/// Issue 18, item 16: advice after a double-click (the menu, started
/// without a command) says what to choose in the menu or do with the
/// files, never a command line to type.
#[test]
fn advice_in_the_menu_names_menu_items_not_command_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("Adj meg egy jelszót");
    menu.line(PASSPHRASE);
    menu.expect("Írd be még egyszer");
    menu.line(PASSPHRASE);
    menu.expect("Mit szeretnél?");
    menu.pick(LIST);
    menu.expect("A mentésben még nincs senki.");
    menu.expect("válaszd a menüben az „Új regisztráció / családtag felvétele” pontot.");
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    let screen = menu.finish();
    assert!(!screen.contains("kapukulcs beallitas"), "{screen}");

    // A mistyped passphrase, three times.
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line("nem-ez-a-jelszo");
    for _ in 0..2 {
        menu.expect("Próbáld újra.");
        menu.line("nem-ez-a-jelszo");
    }
    menu.expect("Teendő: ");
    menu.expect("A mentés nem változott.");
    let screen = menu.finish();
    let advice = screen.rsplit("Teendő: ").next().unwrap();
    assert!(!advice.contains("--bundle"), "{advice}");
    assert!(advice.contains("a .bak végződést"), "{advice}");
}

/// Issue 18, item 9: `nyomtatas` writes the sheet where the wizard does
/// (`~/kapukulcs/`), says the full path and offers to open it.
#[test]
fn the_sheet_is_printed_into_the_wizards_folder_and_offered_to_open() {
    let dir = tempfile::tempdir().unwrap();
    mama_and_papa(dir.path());
    let mut print = start_at_home(
        dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "nyomtatas",
        ],
    );
    let sheet = dir.path().join("kapukulcs").join("helyreallito-lap.pdf");
    print.expect(&sheet.display().to_string());
    print.expect("Megnyissam a PDF-nézőben");
    print.send(crate::support::pty::DOWN);
    print.line(""); // Nem: no test starts a viewer
    print.finish();
    assert!(fs::read(&sheet).unwrap().starts_with(b"%PDF"));
    assert!(!dir.path().join("kapukulcs-helyreallito-lap.pdf").exists());
}

/// Issue 18, item 12: the menu's demo is a guided tour inside the
/// program on the made-up family (the list, a QR code, a code check),
/// not shell commands for a terminal.
#[test]
fn the_menus_demo_is_a_tour_inside_the_program() {
    let dir = tempfile::tempdir().unwrap();
    mama_and_papa(dir.path());
    let mut menu = start_at_home(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line(PASSPHRASE);
    menu.expect("Mit szeretnél?");
    menu.pick(DEMO);
    menu.expect("kovacs.maria");
    menu.expect("Nyomj Entert");
    menu.line("");
    menu.expect("Mama (kovacs.maria)");
    menu.expect("Nyomj Entert");
    menu.line("");
    let shown = menu.expect_match("Mama mostani kódja: [0-9]{6}");
    let code = &shown[shown.len() - 6..];
    menu.expect("Kód");
    menu.line(code);
    menu.expect("ez Mama kódja");
    menu.expect("Kód");
    menu.line("");
    menu.expect("véget ért");
    menu.expect("Mit szeretnél?");
    menu.pick(QUIT);
    let screen = menu.finish();
    assert!(!screen.contains("dekodol"), "{screen}");
    // Nothing was written for the tour: no demo folder, no bundle.
    let family = crate::support::open_bundle(dir.path()).family;
    assert_eq!(family.members.len(), 2);
}
