//! The lost-phone flow as a person uses it: the real binary in a
//! pseudo-terminal over a bundle of three (made with `hozzaadas`). Mama's
//! key is cancelled and she registers again at once (her new screenshot
//! dropped into the watched folder, the new phone's code typed); Papa's is
//! cancelled and his new registration left for later; Én has no deletion
//! code: the key goes onto the new phone from the printed sheet, Én logs in
//! with it and moves Ügyfélkapu+ to the new phone ("Beállítás másik
//! eszközre"), then tries the old key's code at the login. Then the bundle
//! and `lista` are checked. Other tests: the office route only when the key
//! does not log in either, and the printed sheet named as out of date.
//!
//! The screen text is compared with `docs/lost.md`, so the page stays
//! true; `KAPUKULCS_WRITE_DOCS=1` rewrites it from this run.

use std::{fs, path::Path};

use kapukulcs::{family::OldKeyCheck, formats::otpauth::OtpAuth, totp};

use crate::support::{
    PASSPHRASE, now, open_bundle,
    picture::{qr_png_sized, ugyfelkapu_uri as uri},
    pty::{DOWN, Pty},
    run::{in_dir, text},
};

const MAMA_OLD: &str = "ABCDEFGHIJKLMNOPQRST";
const MAMA_NEW: &str = "MFRGGZDFMZTWQ2LKNNWG";
const PAPA: &str = "GEZDGNBVGY3TQOJQGEZD";
const EN_OLD: &str = "KRSXG5DJNZTSA2LTEBQQ";
const EN_NEW: &str = "ONSWG4TFOQQGC3DNN5XA";
/// The arrow key up, for a menu whose default is below the answer.
const UP: &str = "\x1b[A";

fn setup(dir: &Path) {
    fs::write(dir.join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    for (name, username, key, code) in [
        ("Mama", "kovacs.maria", MAMA_OLD, Some("91390724")),
        ("Papa", "kovacs.janos", PAPA, Some("40172258")),
        ("Én", "kovacs.peter", EN_OLD, None),
    ] {
        let picture = format!("{username}.png");
        fs::write(dir.join(&picture), qr_png_sized(&uri(username, key), 6)).unwrap();
        let mut args = vec![
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "hozzaadas",
            "--name",
            name,
            "--username",
            username,
            "--image",
            &picture,
        ];
        // The deletion code comes on standard input, never the command line.
        if code.is_some() {
            args.extend(["--deletion-code", "-"]);
        }
        let stdin = code.map(|c| format!("{c}\n")).unwrap_or_default();
        let out = in_dir(dir, &args, &stdin);
        assert!(out.status.success(), "{}", text(&out.stderr));
        fs::remove_file(dir.join(&picture)).unwrap();
    }
}

/// `elveszett` in a pseudo-terminal, away from the clipboard and the
/// system's screenshot folders (a run under an X server would watch them).
fn start(dir: &Path) -> Pty {
    start_with(dir, &[])
}

/// `elveszett` with `more` arguments (`--only`), as [`start`].
fn start_with(dir: &Path, more: &[&str]) -> Pty {
    let screenshots = dir.join("Képernyőképek");
    fs::create_dir_all(&screenshots).unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kapukulcs"));
    command
        .args(["--bundle", "mentes.age", "elveszett", "--dir", "kapukulcs"])
        .args(more)
        .current_dir(dir)
        .env("KAPUKULCS_SCREENSHOT_DIR", &screenshots)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    Pty::spawn(command)
}

/// The documentation page around a captured transcript.
fn docs_page(transcript: &str) -> String {
    format!(
        "# Elveszett vagy ellopták a telefont, ahogy a felhasználó látja\n\n\
         This is the terminal text of `kapukulcs elveszett` (alias `lost`) as the\n\
         end-to-end test `tests/it/lost_pty.rs` captured it over a family of three:\n\
         Mama's Ügyfélkapu+ is cancelled with her deletion code and she registers\n\
         again at once with the new phone; Papa's is cancelled and his new\n\
         registration is left for later; Én has no deletion code saved, so the\n\
         key goes onto the new phone from the printed sheet, Én logs in with it\n\
         and moves Ügyfélkapu+ to the new phone (\"Beállítás másik eszközre\"),\n\
         then tries the old key's code at the login and records the answer.\n\
         Colours and cursor movements are removed; the test fails when a line\n\
         here no longer matches the program. Regenerate with\n\
         `KAPUKULCS_WRITE_DOCS=1 cargo test --test it lost_pty`.\n\n\
         ```text\n{}\n```\n",
        transcript.trim_end()
    )
}

#[test]
fn a_lost_phone_through_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let mut run = start(dir.path());
    run.expect("A mentés jelszava");
    run.line(PASSPHRASE);
    run.expect("Nyomj Entert, és kezdjük.");
    run.line("");

    // Mama: the deletion code, the portal, it worked, register again now.
    run.expect("Mama törlőkódja: 91390724");
    run.expect("ÜGYFÉLKAPU+ MEGSZÜNTETÉSE");
    run.expect("Sikerült megszüntetni Mama Ügyfélkapu+-át?");
    run.line(""); // Igen, sikerült
    run.expect("Regisztráljuk most újra Mama");
    run.line(""); // Igen
    run.expect("Nyomj Entert, ha látod a QR-kódot.");
    run.line("");
    run.expect("Várom a képet");
    fs::write(
        dir.path().join("kapukulcs/Mama/Képernyőkép 2026-12-01.png"),
        qr_png_sized(&uri("kovacs.maria", MAMA_NEW), 6),
    )
    .unwrap();
    run.expect("Beolvastam az Ügyfélkapu+ QR-kódot");
    run.expect("A karaktersor");
    run.line(&MAMA_NEW.to_lowercase());
    run.expect("ugyanaz a kulcs");
    // Step 4: the QR code is on the website again; no copy in the terminal.
    run.expect("Inkább kérem a QR-kódot");
    run.expect("olvassa be?");
    run.line("");
    run.expect("mutatja a 6 jegyű kódot.");
    run.line("");
    run.expect("5. lépés");
    let account = OtpAuth::parse(&uri("kovacs.maria", MAMA_NEW)).unwrap();
    run.line(&totp::generate(&account, now()));
    run.expect("A telefon jó kódot mutat.");
    run.expect("Nyomj Entert, ha látod a törlőkódot.");
    run.line("");
    run.expect("törlőkódja");
    run.line("55512345");
    run.expect("Pontosan ez áll az oldalon?");
    run.line("");
    run.expect("Nyomj Entert a folytatáshoz.");
    run.line("");
    run.expect("Törlöm őket (1 kép)?");
    run.line("");
    run.expect("Mama újra regisztrálva");

    // Papa: it worked; his new registration later.
    run.expect("Papa törlőkódja: 40172258");
    run.expect("Sikerült megszüntetni Papa Ügyfélkapu+-át?");
    run.line("");
    run.expect("Regisztráljuk most újra Papa");
    run.send(DOWN);
    run.line(""); // Nem
    run.expect("Később így regisztrálhatod újra");

    // Én: no deletion code, but the key: onto the new phone from the
    // printed sheet, proved, logged in, set up on another device.
    run.expect("A törlőkódod nincs elmentve, de a kulcsod megvan a mentésben.");
    run.expect("Honnan olvasod be a kulcsot az új telefonnal?");
    run.pick(1); // from the printed sheet
    run.expect("a saját sorodban mutat");
    let en_old = OtpAuth::parse(&uri("kovacs.peter", EN_OLD)).unwrap();
    run.line(&totp::generate(&en_old, now()));
    run.expect("A kulcsod a telefonon működik");
    run.expect("Sikerült belépni?");
    run.line(""); // Igen, beléptem
    run.expect("Beállítás másik eszközre");
    run.expect("Nyomj Entert, ha látod a QR-kódot.");
    run.line("");
    run.expect("Várom a képet");
    fs::write(
        dir.path().join("kapukulcs/Én/Képernyőkép 2026-12-01.png"),
        qr_png_sized(&uri("kovacs.peter", EN_NEW), 6),
    )
    .unwrap();
    run.expect("Beolvastam az Ügyfélkapu+ QR-kódot");
    run.expect("A karaktersor");
    run.line(""); // skipped
    run.expect("olvassa be?");
    run.line("");
    run.expect("mutatja a 6 jegyű kódot.");
    run.line("");
    run.expect("5. lépés");
    let en_new = OtpAuth::parse(&uri("kovacs.peter", EN_NEW)).unwrap();
    run.line(&totp::generate(&en_new, now()));
    run.expect("A telefon jó kódot mutat.");
    run.expect("Nyomj Entert, ha látod a törlőkódot.");
    run.line("");
    run.expect("A törlőkódod, szóközök nélkül");
    run.line("66612345");
    run.expect("Ezt a törlőkódot mentem el: 66612345.");
    run.line("");
    run.expect("Nyomj Entert a folytatáshoz.");
    run.line("");
    run.expect("Törlöm őket");
    run.line("");
    run.expect("Újra regisztráltál");
    // The old key's code, for the try at the login: refused.
    run.expect("A régi kulcs mostani kódja:");
    let shown_at = now();
    run.expect("Mit mondott az Ügyfélkapu a régi kóddal?");
    run.send(&UP.repeat(2));
    run.line(""); // Nem fogadta el
    run.expect("az elveszett telefon ki van zárva");
    run.expect("Összefoglaló:");
    run.expect("semmisítsd meg a régit");
    run.expect("már nem érvényesek.");
    let transcript = run.finish();

    // The bundle: Mama's new key, her old one in the history; Papa
    // cancelled; Én still to cancel.
    let family = open_bundle(dir.path()).family;
    let mama = family.find("Mama").unwrap();
    assert_eq!(mama.account.key.text().expose(), MAMA_NEW);
    assert_eq!(mama.deletion_code.as_ref().unwrap().grouped(), "5551 2345");
    assert_eq!(mama.history.len(), 1);
    assert_eq!(mama.history[0].account.key.text().expose(), MAMA_OLD);
    assert_eq!(
        mama.history[0].deletion_code.as_ref().unwrap().grouped(),
        "9139 0724"
    );
    assert!(mama.history[0].cancelled.is_some() && mama.cancelled.is_none());
    let papa = family.find("Papa").unwrap();
    assert!(papa.cancelled.is_some() && papa.lost.is_none());
    let en = family.find("Én").unwrap();
    assert_eq!(en.account.key.text().expose(), EN_NEW);
    assert_eq!(en.deletion_code.as_ref().unwrap().grouped(), "6661 2345");
    assert!(en.cancelled.is_none() && en.lost.is_none());
    assert_eq!(en.history.len(), 1);
    let old = &en.history[0];
    assert_eq!(old.account.key.text().expose(), EN_OLD);
    assert!(old.cancelled.is_none() && old.confirmed.is_some());
    assert!(
        matches!(old.old_key_check, Some(OldKeyCheck::Refused(_))),
        "{:?}",
        old.old_key_check
    );
    // The old key's code was the one shown for the try.
    let codes: Vec<String> = [shown_at - 30, shown_at, shown_at + 30]
        .iter()
        .map(|&at| totp::generate(&en_old, at))
        .collect();
    assert!(
        codes
            .iter()
            .any(|c| transcript.contains(&format!("A régi kulcs mostani kódja: {c}"))),
        "{transcript}"
    );
    assert!(!transcript.contains("kormányablakba"), "{transcript}");
    // The new screenshot was deleted, as the person chose.
    assert_eq!(
        fs::read_dir(dir.path().join("kapukulcs/Mama"))
            .unwrap()
            .count(),
        0
    );

    let list = in_dir(
        dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "lista",
        ],
        "",
    );
    let list = text(&list.stdout);
    assert!(list.contains("MEGSZÜNTETVE"), "{list}");
    assert!(list.contains("újra regisztrálva"), "{list}");
    assert!(list.contains("új eszközre állítva"), "{list}");
    assert!(list.contains("a régi kulcs kizárva"), "{list}");

    let docs_path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/lost.md");
    let transcript = transcript.replace(&dir.path().display().to_string(), "/home/anna");
    assert!(
        !transcript.to_lowercase().contains(&MAMA_NEW.to_lowercase()),
        "Mama's new key stayed on screen"
    );
    if std::env::var_os("KAPUKULCS_WRITE_DOCS").is_some() {
        fs::write(docs_path, docs_page(&transcript)).unwrap();
    }
    let docs = fs::read_to_string(docs_path).unwrap();
    for words in [
        "Ami most következik, és miért",
        "ÜGYFÉLKAPU+ MEGSZÜNTETÉSE",
        "Beállítás másik eszközre",
        "A régi kulcs mostani kódja",
        "Összefoglaló",
        // A question that erases itself once Enter is pressed.
        "? Nyomj Entert, és kezdjük. ›",
    ] {
        assert!(transcript.contains(words), "{words} missing from the run");
        assert!(docs.contains(words), "{words} missing from docs/lost.md");
    }
    // Every line the person read, apart from dates, codes and seconds that
    // differ from run to run, is on the page.
    for line in transcript.lines().map(str::trim).filter(|l| l.len() > 12) {
        let stable = !line.chars().any(|c| c.is_ascii_digit()) && !line.contains('*');
        if stable {
            assert!(
                docs.contains(line),
                "docs/lost.md is out of date; missing: {line}"
            );
        }
    }
}

/// Issue 18, item 1: after Mama's key is cancelled, her old screenshot
/// (still on disk) and Papa's key are refused as her new one, each named
/// for what it is; her old deletion code typed as the new one is
/// questioned, the read-back answering no unless told otherwise.
#[test]
fn the_cancelled_key_is_never_taken_for_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let old = dir.path().join("mama-regi.png");
    fs::write(&old, qr_png_sized(&uri("kovacs.maria", MAMA_OLD), 6)).unwrap();
    let mut run = start_with(dir.path(), &["--only", "Mama"]);
    run.expect("A mentés jelszava");
    run.line(PASSPHRASE);
    run.expect("Nyomj Entert, és kezdjük.");
    run.line("");
    run.expect("Sikerült megszüntetni Mama Ügyfélkapu+-át?");
    run.line("");
    run.expect("Regisztráljuk most újra Mama");
    run.line("");
    run.expect("Nyomj Entert, ha látod a QR-kódot.");
    run.line("");
    run.expect("Várom a képet");
    // The old screenshot, given by its path.
    run.line(&old.display().to_string());
    run.expect("Ez a kép Mama MEGSZÜNTETETT kulcsát mutatja");
    run.expect("Ezt a képet nem használom.");
    run.expect("Várom a képet");
    // Papa's screenshot, saved into Mama's folder.
    fs::write(
        dir.path().join("kapukulcs/Mama/papa.png"),
        qr_png_sized(&uri("kovacs.janos", PAPA), 6),
    )
    .unwrap();
    run.expect("Ez a kép Papa kulcsát mutatja, nem Mama kulcsát");
    run.expect("Várom a képet");
    fs::write(
        dir.path().join("kapukulcs/Mama/uj.png"),
        qr_png_sized(&uri("kovacs.maria", MAMA_NEW), 6),
    )
    .unwrap();
    run.expect("Beolvastam az Ügyfélkapu+ QR-kódot");
    run.expect("A karaktersor");
    run.line(MAMA_NEW);
    run.expect("ugyanaz a kulcs");
    run.expect("olvassa be?");
    run.line("");
    run.expect("mutatja a 6 jegyű kódot.");
    run.line("");
    run.expect("5. lépés");
    // The old key's code: the phone's old entry, said so.
    let old_account = OtpAuth::parse(&uri("kovacs.maria", MAMA_OLD)).unwrap();
    run.line(&totp::generate(&old_account, now()));
    run.expect("Ez Mama RÉGI kulcsának kódja");
    let account = OtpAuth::parse(&uri("kovacs.maria", MAMA_NEW)).unwrap();
    run.line(&totp::generate(&account, now()));
    run.expect("A telefon jó kódot mutat.");
    run.expect("Nyomj Entert, ha látod a törlőkódot.");
    run.line("");
    run.expect("törlőkódja");
    run.line("9139 0724");
    run.expect("ez Mama RÉGI törlőkódja");
    run.expect("Pontosan ez áll az oldalon?");
    run.line(""); // the default is no now
    run.expect("törlőkódja");
    run.line("55512345");
    run.expect("Pontosan ez áll az oldalon?");
    run.line("");
    run.expect("Nyomj Entert a folytatáshoz.");
    run.line("");
    run.expect("Törlöm őket");
    run.line("");
    run.expect("Mama újra regisztrálva");
    run.finish();

    let family = open_bundle(dir.path()).family;
    let mama = family.find("Mama").unwrap();
    assert_eq!(mama.account.key.text().expose(), MAMA_NEW);
    assert_eq!(mama.deletion_code.as_ref().unwrap().grouped(), "5551 2345");
    assert_eq!(mama.history.len(), 1);
    assert_eq!(mama.history[0].account.key.text().expose(), MAMA_OLD);
    // Every picture read, the refused ones too, was offered and deleted.
    assert!(!old.exists());
    assert_eq!(
        fs::read_dir(dir.path().join("kapukulcs/Mama"))
            .unwrap()
            .count(),
        0
    );
}

/// Issue 19: the office route comes only when neither a deletion code nor
/// the key works: Én's key is put on the phone and proved, the portal
/// refuses it at the login, and only then the kormányablak, with the
/// documents the sources name and the online booking.
#[test]
fn the_office_route_only_when_neither_the_deletion_code_nor_the_key_works() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let mut run = start_with(dir.path(), &["--only", "Én"]);
    run.expect("A mentés jelszava");
    run.line(PASSPHRASE);
    run.expect("Nyomj Entert, és kezdjük.");
    run.line("");
    run.expect("A törlőkódod nincs elmentve, de a kulcsod megvan a mentésben.");
    run.expect("Honnan olvasod be a kulcsot az új telefonnal?");
    run.pick(1);
    run.expect("a saját sorodban mutat");
    let en_old = OtpAuth::parse(&uri("kovacs.peter", EN_OLD)).unwrap();
    run.line(&totp::generate(&en_old, now()));
    run.expect("Sikerült belépni?");
    run.pick(1); // Nem, az oldal nem fogadja el a kódot
    run.expect("csak kormányablakban lehet megszüntetni");
    run.expect("Megszüntették már az Ügyfélkapu+-odat a kormányablakban?");
    run.line(""); // Még nem, később intézzük
    run.expect("Összefoglaló:");
    let screen = run.finish();
    let office = screen
        .find("csak kormányablakban lehet megszüntetni")
        .unwrap();
    let login = screen.find("Sikerült belépni?").unwrap();
    assert!(login < office, "{screen}");
    assert!(
        !screen[..login].contains("csak kormányablakban"),
        "{screen}"
    );
    let office_text = &screen[office..];
    for words in [
        "Időpontot az interneten, bejelentkezés nélkül is foglalhatsz.",
        "Vidd magaddal a személyi igazolványodat (vagy az útleveledet, illetve a kártya formátumú jogosítványodat).",
    ] {
        assert!(office_text.contains(words), "{words}\n{screen}");
    }
    assert!(!screen.contains("lakcímkártya"), "{screen}");
    let en = open_bundle(dir.path()).family;
    let en = en.find("Én").unwrap();
    assert!(en.lost.is_some() && en.cancelled.is_none() && en.history.is_empty());
}

/// `lista` in `dir`, its standard output.
fn list(dir: &Path) -> String {
    let out = in_dir(
        dir,
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "lista",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// `nyomtatas` in `dir`.
fn print(dir: &Path) {
    let out = in_dir(
        dir,
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "nyomtatas",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Issue 19: once `elveszett` cancels Mama's key, the printed sheet is out
/// of date for her: `elveszett`'s end, `lista` and the menu say so, with
/// the date the sheet bears, until `nyomtatas` prints a new one.
#[test]
fn the_printed_sheet_is_named_out_of_date_until_a_new_one_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    print(dir.path());
    assert!(!list(dir.path()).contains("helyreállító lap"));
    let date = {
        let now = time::OffsetDateTime::now_utc();
        format!(
            "{}. {:02}. {:02}.",
            now.year(),
            u8::from(now.month()),
            now.day()
        )
    };
    let warning = format!(
        "A legutóbb kinyomtatott helyreállító lap (készült: {date}) Mama adataira már nem érvényes"
    );

    let mut run = start_with(dir.path(), &["--only", "Mama"]);
    run.expect("A mentés jelszava");
    run.line(PASSPHRASE);
    run.expect("Nyomj Entert, és kezdjük.");
    run.line("");
    run.expect("Sikerült megszüntetni Mama Ügyfélkapu+-át?");
    run.line("");
    run.expect("Regisztráljuk most újra Mama");
    run.send(DOWN);
    run.line(""); // Nem
    run.expect("Összefoglaló:");
    run.expect(&warning);
    run.finish();

    assert!(list(dir.path()).contains(&warning), "{}", list(dir.path()));
    let mut menu = Pty::start(dir.path(), &["--bundle", "mentes.age"]);
    menu.expect("A mentés jelszava");
    menu.line(PASSPHRASE);
    menu.expect(&warning);
    menu.expect("Mit szeretnél?");
    menu.pick(11); // Kilépés
    menu.finish();

    // A new sheet: the warning is gone everywhere.
    print(dir.path());
    let after = list(dir.path());
    assert!(!after.contains("helyreállító lap"), "{after}");
    let mut menu = Pty::menu(dir.path());
    menu.pick(11);
    let screen = menu.finish();
    assert!(!screen.contains("helyreállító lap (készült"), "{screen}");
}
