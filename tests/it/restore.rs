//! After the phone is replaced: `visszaallitas` (pictures, Google transfer
//! codes, and the interactive path through a pseudo-terminal), `ellenorzes`,
//! `exportalas` and `importalas`, run as the real binary.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
    time::Duration,
};

use expectrl::{Expect, session::OsSession};
use kapukulcs::{
    formats::{aegis, google_transfer, otpauth::OtpAuth, uri_list},
    qr::read::read_qr_codes,
    totp,
};

/// (name, username, key)
const PEOPLE: [(&str, &str, &str); 3] = [
    ("Én", "kovacs.peter", "GEZDGNBVGY3TQOJQGEZDGNBV"),
    ("Mama", "kovacs.maria", "ABCDEFGHIJKLMNOPQRST"),
    ("Papa", "kovacs.janos", "MFRGGZDFMZTWQ2LKNNWG"),
];

use crate::support::{PASSPHRASE, now, open_bundle as open, picture::qr_png, run};

use run::text;

/// Runs the binary in `dir` on its bundle, unlocked with the passphrase file.
fn kapukulcs(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut all = vec!["--bundle", "mentes.age", "--passphrase-file", "jelszo.txt"];
    all.extend_from_slice(args);
    run::in_dir(dir, &all, stdin)
}

fn account(key: &str) -> OtpAuth {
    OtpAuth::parse(&format!("otpauth://totp/x?secret={key}")).unwrap()
}

/// A bundle with the three people, added without questions.
fn family() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    for (name, username, key) in PEOPLE {
        let out = kapukulcs(
            dir.path(),
            &[
                "hozzaadas",
                "--name",
                name,
                "--username",
                username,
                "--key",
                "-",
                "--deletion-code",
                "-",
            ],
            &format!("{key}\n91390724\n"),
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    dir
}

#[test]
fn png_pictures_hold_each_persons_key_and_label() {
    let dir = family();
    let out = kapukulcs(dir.path(), &["visszaallitas", "--png", "kepek"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written: Vec<PathBuf> = text(&out.stdout).lines().map(PathBuf::from).collect();
    assert_eq!(written.len(), 3);
    for ((name, username, key), path) in PEOPLE.iter().zip(&written) {
        let bytes = fs::read(dir.path().join(path)).unwrap();
        let texts = read_qr_codes(&bytes, |_| true).unwrap();
        let account = OtpAuth::parse(&texts[0]).unwrap();
        assert_eq!(account.key.text().expose(), *key);
        assert_eq!(account.account, format!("{name} ({username})"));
        assert_eq!(account.issuer.as_deref(), Some("Ügyfélkapu+"));
    }
}

#[test]
fn google_transfer_pictures_carry_the_whole_family() {
    let dir = family();
    let out = kapukulcs(
        dir.path(),
        &["visszaallitas", "--google", "--png", "google"],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(written.len(), 1, "three people fit one code");
    let bytes = fs::read(dir.path().join(&written[0])).unwrap();
    let texts = read_qr_codes(&bytes, |_| true).unwrap();
    let batch = google_transfer::decode(&texts[0]).unwrap();
    assert_eq!((batch.index, batch.size), (0, 1));
    for ((name, username, key), imported) in PEOPLE.iter().zip(&batch.accounts) {
        // The format carries bytes: the same key, though a 20-character
        // key's unused last bits come back as zero.
        assert!(imported.key.bytes() == account(key).key.bytes(), "{name}");
        let account = imported;
        assert_eq!(account.account, format!("{name} ({username})"));
    }
}

#[test]
fn check_names_whose_code_it_is_and_spots_a_stale_one() {
    let dir = family();
    let t = now();
    let codes: Vec<String> = PEOPLE
        .iter()
        .map(|(_, _, key)| totp::generate(&account(key), t))
        .collect();
    let stale = totp::generate(&account("ONSWG4TFOQ======"), t);
    let mut args = vec!["ellenorzes"];
    args.extend(codes.iter().map(String::as_str));
    args.push(&stale);
    let out = kapukulcs(dir.path(), &args, "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    for (line, (name, ..)) in lines.iter().zip(PEOPLE) {
        // Issue 18: Én is spoken to ("a saját kódod"), never "Én kódja".
        let whose = if name == "Én" {
            "ez a saját kódod".to_owned()
        } else {
            format!("ez {name} kódja")
        };
        assert!(line.contains(&whose), "{line}");
    }
    assert!(
        lines[3].contains("egyik elmentett fiókhoz sem tartozik") && lines[3].contains('?'),
        "{}",
        lines[3]
    );
}

#[test]
fn exports_import_back_equal_and_are_private() {
    let dir = family();
    for (format, file) in [("aegis", "aegis.json"), ("uri", "lista.txt")] {
        let out = kapukulcs(
            dir.path(),
            &["exportalas", "--format", format, "--output", file],
            "",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("NINCS titkosítva"),
            "{}",
            text(&out.stderr)
        );
        let bytes = fs::read(dir.path().join(file)).unwrap();
        let accounts: Vec<OtpAuth> = match format {
            "aegis" => aegis::import(&bytes)
                .unwrap()
                .accounts
                .into_iter()
                .map(|e| e.account)
                .collect(),
            _ => {
                uri_list::import(&String::from_utf8(bytes).unwrap())
                    .unwrap()
                    .accounts
            }
        };
        let saved = open(dir.path());
        assert_eq!(accounts.len(), 3);
        for (imported, member) in accounts.iter().zip(&saved.family.members) {
            assert!(imported.key == member.account.key, "{format}");
            assert_eq!(
                (imported.digits, imported.period, imported.algorithm),
                (
                    member.account.digits,
                    member.account.period,
                    member.account.algorithm
                )
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(dir.path().join(file))
                    .unwrap()
                    .permissions()
                    .mode()
                    & 0o777,
                0o600
            );
        }
        // An export never replaces a file: the second takes the next name.
        let first = fs::read(dir.path().join(file)).unwrap();
        let again = kapukulcs(
            dir.path(),
            &["exportalas", "--format", format, "--output", file],
            "",
        );
        assert!(again.status.success(), "{}", text(&again.stderr));
        let (stem, ext) = file.split_once('.').unwrap();
        let second = format!("{stem} (2).{ext}");
        assert!(
            text(&again.stderr).contains(&second),
            "{}",
            text(&again.stderr)
        );
        assert!(text(&again.stdout).contains(&second));
        assert_eq!(fs::read(dir.path().join(file)).unwrap(), first);
        assert!(dir.path().join(&second).exists());
        assert!(!dir.path().join(format!("{file}.bak")).exists());
    }
}

#[test]
fn bad_imports_say_what_is_wrong() {
    let dir = family();
    let encrypted = r#"{"version":1,"header":{"slots":[{"type":1}],"params":{"nonce":"00","tag":"00"}},"db":"c2VjcmV0"}"#;
    let valid = google_transfer::encode(&[account("ABCDEFGHIJKLMNOPQRST")], 7).remove(0);
    let uri = valid.expose().to_owned();
    let truncated = format!("{}\n", &uri[..uri.len() / 2]);
    let cases: [(&str, String, &[&str]); 4] = [
        (
            "titkos.json",
            encrypted.to_owned(),
            &["titkosított", "kapcsold ki a titkosítást"],
        ),
        (
            "hibas.json",
            "{\"version\": 1, \"db\": ".to_owned(),
            &["nem olvasható Aegis mentés"],
        ),
        ("csonka.txt", truncated, &["csonka vagy sérült"]),
        (
            "lista.txt",
            // No line readable at all; one good line would be imported
            // and the bad ones named (tests/it/imports.rs).
            "nem uri\notpauth-migration://offline?data=C\n".to_owned(),
            &["nem otpauth:// címek: 1, 2"],
        ),
    ];
    for (file, contents, words) in cases {
        fs::write(dir.path().join(file), contents).unwrap();
        let out = kapukulcs(dir.path(), &["importalas", file], "");
        assert_eq!(out.status.code(), Some(1), "{file}");
        let err = text(&out.stderr);
        assert!(err.contains(file), "{file}: {err}");
        for word in words {
            assert!(err.contains(word), "{file}: {word:?} missing from {err}");
        }
    }
}

#[test]
fn restore_through_a_terminal_confirms_three_people() {
    let dir = family();
    let mut command = Command::new(env!("CARGO_BIN_EXE_kapukulcs"));
    command
        .args(["--bundle", "mentes.age", "visszaallitas"])
        .current_dir(dir.path())
        .env("LANG", "hu_HU.UTF-8")
        .env_remove("LC_ALL")
        .env("TERM", "xterm");
    let mut session = OsSession::spawn(command).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    let pause = || std::thread::sleep(Duration::from_millis(150));
    session.expect("A mentés jelszava").unwrap();
    pause();
    session.send(format!("{PASSPHRASE}\r")).unwrap();
    for (name, username, key) in PEOPLE {
        session
            .expect(format!("A bejegyzés neve: {name} ({username})").as_str())
            .unwrap();
        // The key is shown for typing by hand.
        let grouped: Vec<String> = key
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        session.expect(grouped.join(" ").as_str()).unwrap();
        // "Én" is the person at the keyboard, spoken to in their own forms.
        let (line, works) = if name == "Én" {
            (
                "most a saját sorodban mutat".to_owned(),
                "A kulcsod a telefonon működik".to_owned(),
            )
        } else {
            (
                format!("most {name} sorában mutat"),
                format!("{name} kulcsa a telefonon működik"),
            )
        };
        session.expect(line.as_str()).unwrap();
        pause();
        session
            .send(format!("{}\r", totp::generate(&account(key), now())))
            .unwrap();
        session.expect("A telefon jó kódot mutat.").unwrap();
        session.expect(works.as_str()).unwrap();
    }
    session.expect("Kész: 3 fiók").unwrap();
    session.expect(expectrl::Eof).unwrap();
    let saved = open(dir.path());
    for member in &saved.family.members {
        assert!(
            member.confirmed.is_some(),
            "{} was not confirmed",
            member.name
        );
    }
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_deletion_code_comes_from_standard_input() {
    let dir = family();
    let saved = open(dir.path());
    for member in &saved.family.members {
        let code = member.deletion_code.as_ref().expect("a deletion code");
        assert_eq!(code.digits().expose(), "91390724", "{}", member.name);
    }
}

#[test]
fn a_deletion_code_on_the_command_line_is_refused_before_anything_happens() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
    for command in ["hozzaadas", "beallitas"] {
        let mut args = vec![command, "--name", "Mama", "--deletion-code", "91390724"];
        if command == "hozzaadas" {
            args.extend(["--key", "-"]);
        }
        let out = kapukulcs(dir.path(), &args, "ABCDEFGHIJKLMNOPQRST\n");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        // Why, and how: standard input.
        assert!(err.contains("parancssorban"), "{err}");
        assert!(err.contains("előzmény"), "{err}");
        assert!(err.contains("--deletion-code -"), "{err}");
        // The code is not repeated, and no bundle was made.
        assert!(!err.contains("91390724"), "{err}");
        assert!(!dir.path().join("mentes.age").exists());
    }
    // `-` with nothing on standard input says so.
    let out = kapukulcs(
        dir.path(),
        &[
            "hozzaadas",
            "--name",
            "Mama",
            "--key",
            "-",
            "--deletion-code",
            "-",
        ],
        "ABCDEFGHIJKLMNOPQRST\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("nincs"), "{}", text(&out.stderr));
    assert!(!dir.path().join("mentes.age").exists());
}

#[test]
fn a_second_sheet_gets_a_new_name_and_no_backup() {
    let dir = family();
    let out = kapukulcs(dir.path(), &["nyomtatas", "--output", "lap.pdf"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("NINCS titkosítva"));
    let first = fs::read(dir.path().join("lap.pdf")).unwrap();
    // A run a minute later: the same name is taken.
    let out = kapukulcs(dir.path(), &["nyomtatas", "--output", "lap.pdf"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("nem írom felül: lap.pdf"), "{said}");
    assert!(said.contains("lap (2).pdf"), "{said}");
    assert!(said.contains("NINCS titkosítva"), "{said}");
    assert_eq!(fs::read(dir.path().join("lap.pdf")).unwrap(), first);
    // `visszaallitas --pdf` writes the same way and says the same.
    let out = kapukulcs(dir.path(), &["visszaallitas", "--pdf", "lap.pdf"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "lap (3).pdf");
    assert!(text(&out.stderr).contains("NINCS titkosítva"));
    assert_eq!(
        names_in(dir.path()),
        [
            "jelszo.txt",
            "lap (2).pdf",
            "lap (3).pdf",
            "lap.pdf",
            "mentes.age",
            "mentes.age.bak",
            "mentes.age.lock"
        ]
    );
}

#[test]
fn png_pictures_never_replace_a_picture_already_in_the_folder() {
    let dir = family();
    let pictures = dir.path().join("kepek");
    fs::create_dir(&pictures).unwrap();
    // A holiday photo that happens to have the name Mama's picture gets,
    // and an unrelated Mama.png beside it.
    let holiday = qr_png("Boldog nyaralást!");
    fs::write(pictures.join("02-mama.png"), &holiday).unwrap();
    fs::write(pictures.join("Mama.png"), &holiday).unwrap();
    let out = kapukulcs(dir.path(), &["visszaallitas", "--png", "kepek"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("NINCSENEK titkosítva"), "{err}");
    assert!(err.contains("02-mama (2).png"), "{err}");
    assert_eq!(fs::read(pictures.join("02-mama.png")).unwrap(), holiday);
    assert_eq!(fs::read(pictures.join("Mama.png")).unwrap(), holiday);
    assert_eq!(
        names_in(&pictures),
        [
            "01-en.png",
            "02-mama (2).png",
            "02-mama.png",
            "03-papa.png",
            "Mama.png"
        ]
    );
    let written: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert!(written[1].ends_with("02-mama (2).png"), "{written:?}");
    let texts = read_qr_codes(&fs::read(dir.path().join(&written[1])).unwrap(), |_| true).unwrap();
    assert_eq!(
        OtpAuth::parse(&texts[0]).unwrap().account,
        "Mama (kovacs.maria)"
    );
}

/// Temporary files the program left in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|name| name.starts_with(".kapukulcs-") && name.ends_with(".tmp"))
        .collect()
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_plaintext_write_leaves_no_temporary() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    use std::time::Instant;

    use age::secrecy::ExposeSecret;

    // A bundle locked to an age key: opening it costs no scrypt, so many
    // runs fit in the test.
    let dir = tempfile::tempdir().unwrap();
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    fs::write(
        dir.path().join("kulcs.txt"),
        format!("{}\n", identity.to_string().expose_secret()),
    )
    .unwrap();
    for (index, (name, username, key)) in PEOPLE.into_iter().enumerate() {
        // The first save names the key; later ones open with it.
        let keys = if index == 0 {
            ["-r", public.as_str()]
        } else {
            ["-i", "kulcs.txt"]
        };
        let mut args = vec!["--bundle", "mentes.age"];
        args.extend(keys);
        args.extend([
            "hozzaadas",
            "--name",
            name,
            "--username",
            username,
            "--key",
            "-",
        ]);
        let out = run::in_dir(dir.path(), &args, key);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let mut landed = 0;
    let mut attempt = 0;
    while landed < 20 {
        attempt += 1;
        assert!(
            attempt <= 300,
            "only {landed} Ctrl-Cs landed during the write in 300 runs"
        );
        let mut child = run::binary()
            .current_dir(dir.path())
            .args([
                "--bundle",
                "mentes.age",
                "-i",
                "kulcs.txt",
                "nyomtatas",
                "--output",
                "lap.pdf",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The write has begun once the temporary file exists.
        let started = Instant::now();
        let mut seen = false;
        while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(30) {
            if !temporaries(dir.path()).is_empty() {
                seen = true;
                break;
            }
        }
        if seen {
            // SAFETY: sending a signal to our own child.
            unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        }
        let status = child.wait().unwrap();
        if seen && status.signal() == Some(libc::SIGINT) {
            landed += 1;
        }
        // Stopped or not, no half-written copy of the keys is left.
        assert_eq!(
            temporaries(dir.path()),
            Vec::<String>::new(),
            "attempt {attempt}"
        );
        for name in names_in(dir.path()) {
            if name.starts_with("lap") {
                fs::remove_file(dir.path().join(name)).unwrap();
            }
        }
    }
    eprintln!("{landed} Ctrl-Cs during the write in {attempt} runs");
}
