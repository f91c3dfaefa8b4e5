//! The printed recovery sheet checked by independent tools, as a relative
//! would check it: poppler's `pdftotext` must read the Hungarian words
//! (ő and ű included) and every name, key and deletion code; `pdfinfo` and
//! `pdffonts` must see the title, the date and subset embedded fonts; and
//! `zbarimg` must read every person's QR code from a 150 dpi rendering of
//! the page, giving back the URI exactly as the site gave it.
//!
//! The tools are Debian packages (poppler-utils, zbar-tools) that CI
//! installs; run these with `cargo test --test sheet -- --ignored`.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use kapukulcs::{
    family::{DeletionCode, Family, Member},
    formats::otpauth::{Key, OtpAuth},
    secret::SecretString,
    sheet,
};
use time::{OffsetDateTime, macros::datetime};

const CREATED: OffsetDateTime = datetime!(2026-11-25 14:30 +1);

/// Who is on the test sheet: name, username, deletion code (if recorded).
const PEOPLE: &[(&str, &str, Option<&str>)] = &[
    ("Én", "kovacs.istvan", Some("91390724")),
    ("Mama", "kovacs.maria", Some("40172258")),
    ("Papa", "kovacs.janos", None),
    ("Nagymama Erzsébet", "szabo.erzsebet", Some("55019833")),
    ("Dédi Szűcs Ilona", "szucs.ilona", Some("12345678")),
];

fn family() -> Family {
    let members = PEOPLE
        .iter()
        .enumerate()
        .map(|(index, &(name, username, code))| {
            // 12 bytes make the 20-character keys Ügyfélkapu+ shows; some
            // members get 160-bit keys, as other sites give.
            let length = if index.is_multiple_of(2) { 12 } else { 20 };
            let bytes = (0..length).map(|b| (b * 53 + index * 29 + 3) as u8).collect();
            let key = Key::from_bytes(bytes);
            // The site's URI, written differently from what `to_uri` would
            // write, so the test proves the sheet prints the original.
            let original = format!(
                "otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:{username}?issuer=%C3%9Cgyf%C3%A9lkapu%2B&secret={}",
                key.text().expose()
            );
            let account = OtpAuth::parse(&original).unwrap();
            let mut member = Member::new(name.into(), account, CREATED);
            member.original_uri = SecretString::new(original);
            member.username = Some(username.into());
            member.deletion_code = code.map(|code| DeletionCode::parse(code).unwrap());
            member.confirmed = (index != 1).then_some(datetime!(2026-11-20 9:15 +1));
            member
        })
        .collect();
    Family { members }
}

/// Writes the sheet into a fresh folder and returns the folder and the file.
fn sheet_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("helyreallito.pdf");
    std::fs::write(&path, sheet::render(&family(), CREATED).unwrap()).unwrap();
    (dir, path)
}

fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not be started: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    let pdf = pdf.to_str().unwrap();
    run(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &page, "-l", &page, pdf, "-"],
    )
}

#[test]
#[ignore = "needs pdftotext (Debian package poppler-utils); CI installs it"]
fn pdftotext_reads_the_hungarian_words_names_keys_and_codes() {
    let (_dir, pdf) = sheet_file();
    let family = family();
    let cover = page_text(&pdf, 1);
    for word in [
        "Ügyfélkapu+ helyreállító lap",
        "TITKOS",
        "törlőkód",
        "ÜGYFÉLKAPU+ MEGSZÜNTETÉSE",
        "https://ugyfelkapu.gov.hu",
        "kormányablakban",
        "NISZ Hitelesítő",
        // Issue 19: the real app's store ids, against imitations.
        "hu.innobile.niszauth",
        "id1603444961",
        "Készült: 2026. 11. 25.",
    ] {
        assert!(
            cover.contains(word),
            "{word:?} missing from the cover:\n{cover}"
        );
    }
    for (index, member) in family.members.iter().enumerate() {
        assert!(
            cover.contains(&member.name),
            "{} missing from the cover",
            member.name
        );
        let text = page_text(&pdf, index + 2);
        let key = member.account.key.grouped();
        let mut expected = vec![
            member.name.clone(),
            member.username.clone().unwrap(),
            key.expose().to_owned(),
            "Ügyfélkapu+".to_owned(),
            "Törlőkód".to_owned(),
            "Utoljára ellenőrizve".to_owned(),
            "Készült: 2026. 11. 25.".to_owned(),
            format!("{}/{}. oldal", index + 2, family.members.len() + 1),
        ];
        match &member.deletion_code {
            Some(code) => expected.push(code.grouped()),
            None => expected.push("nincs feljegyezve".to_owned()),
        }
        match member.confirmed {
            Some(_) => expected.push("2026. 11. 20.".to_owned()),
            None => expected.push("még soha".to_owned()),
        }
        for word in expected {
            assert!(
                text.contains(&word),
                "{word:?} missing from page {}:\n{text}",
                index + 2
            );
        }
    }
    // ő and ű come out as themselves, not as '?' or a lookalike.
    let all = run("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    assert!(all.contains("Dédi Szűcs Ilona") && all.contains("ellenőrizve"));
}

#[test]
#[ignore = "needs pdfinfo and pdffonts (Debian package poppler-utils); CI installs it"]
fn pdfinfo_sees_title_date_pages_and_subset_fonts() {
    let (_dir, pdf) = sheet_file();
    let pdf = pdf.to_str().unwrap();
    let info = run("pdfinfo", &["-isodates", pdf]);
    assert!(info.contains("Ügyfélkapu+ helyreállító lap"), "{info}");
    assert!(info.contains("2026-11-25T13:30:00"), "{info}");
    let pages = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .map(|count| count.trim().parse::<usize>().unwrap());
    assert_eq!(pages, Some(PEOPLE.len() + 1), "{info}");

    let fonts = run("pdffonts", &[pdf]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 3, "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name, type…, encoding, emb, sub, uni, object, id
        let n = columns.len();
        assert_eq!(
            &columns[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded, subset and mapped: {row}"
        );
    }
}

#[test]
#[ignore = "needs pdftoppm (Debian package poppler-utils) and zbarimg (zbar-tools); CI installs them"]
fn zbarimg_reads_every_persons_qr_code_from_the_printed_page() {
    let (dir, pdf) = sheet_file();
    let prefix = dir.path().join("oldal");
    run(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let mut pngs: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "png"))
        .collect();
    pngs.sort();
    let family = family();
    assert_eq!(pngs.len(), family.members.len() + 1);

    // The cover has no code: zbarimg says so with exit status 4.
    let cover = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&pngs[0])
        .output()
        .unwrap();
    assert_eq!(
        cover.status.code(),
        Some(4),
        "{:?}",
        String::from_utf8_lossy(&cover.stdout)
    );

    for (member, png) in family.members.iter().zip(&pngs[1..]) {
        let read = run("zbarimg", &["--raw", "-q", png.to_str().unwrap()]);
        let uris: Vec<&str> = read.lines().collect();
        assert_eq!(uris, [member.original_uri.expose()], "{}", member.name);
        let account = OtpAuth::parse(uris[0]).unwrap();
        assert!(
            account.key == member.account.key,
            "{}: wrong key",
            member.name
        );
    }
}
