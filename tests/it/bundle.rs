//! The bundle as a user and as the stock `age` tool see it: commands of the
//! real binary, every way opening can fail (with the file left byte-for-byte
//! unchanged), file modes, and interop with the
//! Debian `age` CLI and `tar`.

use std::{
    fs,
    path::PathBuf,
    process::{Command, Output},
    time::Duration,
};

use kapukulcs::{
    secret::SecretString,
    vault::{
        bundle,
        crypt::{self, Lock, Unlock},
    },
};

use crate::support::{
    PASSPHRASE,
    picture::{qr_png_sized, ugyfelkapu_uri as uri},
    run,
};

use run::{in_dir as kapukulcs, text};

/// A folder with a passphrase file and a bundle holding Mama and Papa.
struct Family {
    dir: tempfile::TempDir,
}

impl Family {
    fn new() -> Family {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
        fs::write(
            dir.path().join("mama.png"),
            qr_png_sized(&uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST"), 6),
        )
        .unwrap();
        let family = Family { dir };
        let out = family.run(
            &[
                "hozzaadas",
                "--name",
                "Mama",
                "--username",
                "kovacs.maria",
                "--image",
                "mama.png",
                "--deletion-code",
                "-",
            ],
            "9139 0724\n",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let out = family.run(
            &["hozzaadas", "--name", "Papa", "--key", "-"],
            "gezd gnbv gy3t qojq\n",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        family
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut all = vec!["--bundle", "mentes.age", "--passphrase-file", "jelszo.txt"];
        all.extend_from_slice(args);
        kapukulcs(self.dir.path(), &all, stdin)
    }

    fn bundle(&self) -> Vec<u8> {
        fs::read(self.path("mentes.age")).unwrap()
    }
}

fn unlock() -> Unlock {
    Unlock::Passphrase(SecretString::new(PASSPHRASE.into()))
}

#[test]
fn add_list_remove_and_the_backup() {
    let family = Family::new();
    let out = family.run(&["lista"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = text(&out.stdout);
    assert!(
        list.contains("Mama") && list.contains("kovacs.maria") && list.contains("megvan"),
        "{list}"
    );
    assert!(list.contains("Papa") && list.contains("HIÁNYZIK"), "{list}");
    assert!(
        !list.contains("ABCD") && !list.contains("9139"),
        "the list shows a secret: {list}"
    );

    let before = family.bundle();
    let out = family.run(&["torles", "papa", "--yes"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        fs::read(family.path("mentes.age.bak")).unwrap(),
        before,
        "the previous bundle is the backup"
    );
    let list = text(&family.run(&["list"], "").stdout);
    assert!(!list.contains("Papa"), "{list}");

    let out = family.run(&["add", "--name", "MAMA", "--key", "-"], "ABCDEFGHIJKLMNOP");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("Már van ilyen nevű családtag"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bundle_round_trips_through_the_library() {
    let family = Family::new();
    let plaintext = crypt::decrypt(&family.bundle(), &unlock()).unwrap();
    let contents = bundle::from_tar(&plaintext).unwrap();
    let names: Vec<_> = contents
        .family
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Mama", "Papa"]);
    let mama = &contents.family.members[0];
    assert_eq!(mama.account.key.text().expose(), "ABCDEFGHIJKLMNOPQRST");
    assert_eq!(
        mama.deletion_code.as_ref().unwrap().digits().expose(),
        "91390724"
    );
    assert_eq!(mama.picture.as_ref().unwrap().file_name, "mama.png");
    assert_eq!(
        mama.original_uri.expose(),
        uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST")
    );
    let papa = &contents.family.members[1];
    assert_eq!(papa.account.issuer.as_deref(), Some("Ügyfélkapu+"));
    assert_eq!(papa.account.key.text().expose(), "GEZDGNBVGY3TQOJQ");
}

#[cfg(unix)]
#[test]
fn files_with_secrets_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let family = Family::new();
    let out = family.run(&["nyomtatas", "--output", "lap.pdf"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    for name in ["mentes.age", "mentes.age.bak", "lap.pdf"] {
        let mode = fs::metadata(family.path(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
}

/// Re-encrypts a changed plaintext with the right passphrase, so that only
/// the contents are wrong.
fn reseal(plaintext: &[u8]) -> Vec<u8> {
    crypt::encrypt(
        plaintext,
        &Lock::Passphrase {
            passphrase: SecretString::new(PASSPHRASE.into()),
            work_factor: Some(4),
        },
    )
    .unwrap()
}

fn rewrite_manifest(plaintext: &[u8], edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut archive = tar::Archive::new(plaintext);
    let mut builder = tar::Builder::new(Vec::new());
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry.path().unwrap().to_string_lossy().into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
        if path.ends_with("manifest.json") {
            data = edit(String::from_utf8(data).unwrap()).into_bytes();
        }
        let mut header = entry.header().clone();
        header.set_size(data.len() as u64);
        builder
            .append_data(&mut header, &path, data.as_slice())
            .unwrap();
    }
    builder.into_inner().unwrap()
}

#[test]
fn every_failure_has_its_message_and_leaves_the_file_untouched() {
    let family = Family::new();
    let good = family.bundle();
    let plaintext = crypt::decrypt(&good, &unlock()).unwrap();

    let mut tampered = good.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x40;
    let newer = reseal(&rewrite_manifest(&plaintext, |m| {
        m.replacen("\"version\": 1", "\"version\": 3", 1)
    }));
    let mismatch = reseal(&rewrite_manifest(&plaintext, |m| {
        let start = m.find("\"sha256\": \"").unwrap() + 11;
        format!("{}0{}", &m[..start], &m[start + 1..])
    }));
    fs::write(family.path("rossz-jelszo.txt"), "nem ez a jelszó\n").unwrap();

    // (name, bundle bytes, extra arguments, words the message must hold)
    type Case<'a> = (&'a str, Vec<u8>, Vec<&'a str>, &'a [&'a str]);
    let cases: Vec<Case> = vec![
        (
            "wrong passphrase",
            good.clone(),
            vec!["--passphrase-file", "rossz-jelszo.txt"],
            &["Hibás jelszó"],
        ),
        (
            "truncated",
            good[..good.len() - 100].to_vec(),
            vec![],
            &["csonka"],
        ),
        (
            "tampered",
            tampered,
            vec![],
            &["megsérült vagy megváltoztatták"],
        ),
        (
            "newer version",
            newer,
            vec![],
            &["újabb változata", "3. formátum", "Frissítsd"],
        ),
        (
            "manifest mismatch",
            mismatch,
            vec![],
            &["nem egyezik a tartalomjegyzékkel"],
        ),
        (
            "not a bundle",
            b"Kedves Mama!\n".to_vec(),
            vec![],
            &["nem kapukulcs mentés", "mást nem ír felül"],
        ),
    ];
    for (name, bytes, extra, words) in cases {
        let path = family.path("mentes.age");
        fs::write(&path, &bytes).unwrap();
        let _ = fs::remove_file(family.path("mentes.age.bak"));
        for command in [
            &["lista"][..],
            &["hozzaadas", "--name", "Nagyi", "--key", "-"][..],
        ] {
            let mut args = vec!["--bundle", "mentes.age"];
            if extra.is_empty() {
                args.extend(["--passphrase-file", "jelszo.txt"]);
            } else {
                args.extend(extra.iter().copied());
            }
            args.extend_from_slice(command);
            let out = kapukulcs(family.dir.path(), &args, "ABCDEFGHIJKLMNOP\n");
            assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
            let err = text(&out.stderr);
            assert!(
                err.starts_with("Hiba: ") && err.contains("mentes.age"),
                "{name}: {err}"
            );
            for word in words {
                assert!(err.contains(word), "{name}: {word:?} missing from {err}");
            }
            assert_eq!(
                fs::read(&path).unwrap(),
                bytes,
                "{name}: the bundle changed"
            );
            assert!(
                !family.path("mentes.age.bak").exists(),
                "{name}: a backup was written"
            );
        }
    }
}

fn has(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

#[test]
#[ignore = "needs the age CLI and tar (Debian packages age, tar); CI installs them"]
fn age_cli_decrypts_a_recipient_bundle_and_tar_extracts_it() {
    assert!(
        has("age") && has("age-keygen"),
        "the age CLI is not installed (Debian package age)"
    );
    let dir = tempfile::tempdir().unwrap();
    let keygen = Command::new("age-keygen")
        .args(["-o", "kulcs.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(keygen.status.success());
    let identity = fs::read_to_string(dir.path().join("kulcs.txt")).unwrap();
    let public = identity
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap()
        .to_owned();
    fs::write(
        dir.path().join("mama.png"),
        qr_png_sized(&uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST"), 6),
    )
    .unwrap();
    let out = kapukulcs(
        dir.path(),
        &[
            "--bundle",
            "m.age",
            "-r",
            &public,
            "hozzaadas",
            "--name",
            "Mama",
            "--username",
            "kovacs.maria",
            "--image",
            "mama.png",
            "--deletion-code",
            "-",
        ],
        "91390724\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // A second save with only the identity keeps the same recipient.
    let out = kapukulcs(
        dir.path(),
        &[
            "--bundle",
            "m.age",
            "-i",
            "kulcs.txt",
            "hozzaadas",
            "--name",
            "Papa",
            "--key",
            "-",
        ],
        "GEZDGNBVGY3TQOJQ",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let decrypted = Command::new("age")
        .args(["-d", "-i", "kulcs.txt", "-o", "m.tar", "m.age"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(decrypted.status.success(), "{}", text(&decrypted.stderr));
    let untar = Command::new("tar")
        .args(["xf", "m.tar"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(untar.status.success(), "{}", text(&untar.stderr));
    let root = dir.path().join("kapukulcs-mentes");
    // The files docs/bundle-format.md lists.
    for file in [
        "OLVASSEL.txt",
        "manifest.json",
        "otpauth-cimek.txt",
        "01-mama/kartya.txt",
        "01-mama/qr.png",
        "01-mama/eredeti-kep.png",
        "02-papa/kartya.txt",
        "02-papa/qr.png",
    ] {
        assert!(root.join(file).is_file(), "{file} was not extracted");
    }
    let card = fs::read_to_string(root.join("01-mama/kartya.txt")).unwrap();
    assert!(
        card.contains("ABCD EFGH IJKL MNOP QRST") && card.contains("9139 0724"),
        "{card}"
    );
    let uris = fs::read_to_string(root.join("otpauth-cimek.txt")).unwrap();
    assert!(
        uris.starts_with(&uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST")),
        "{uris}"
    );
    assert_eq!(
        fs::read(root.join("01-mama/eredeti-kep.png")).unwrap(),
        fs::read(dir.path().join("mama.png")).unwrap()
    );
}

#[test]
#[ignore = "needs the age CLI (Debian package age); CI installs it"]
fn age_cli_decrypts_a_passphrase_bundle_through_a_terminal() {
    use expectrl::Expect;
    assert!(
        has("age"),
        "the age CLI is not installed (Debian package age)"
    );
    let family = Family::new();
    let mut command = Command::new("age");
    command
        .args(["-d", "-o", "m.tar", "mentes.age"])
        .current_dir(family.dir.path());
    let mut session = expectrl::Session::spawn(command).expect("age starts in a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session.expect("passphrase").unwrap();
    session.send_line(PASSPHRASE).unwrap();
    session.expect(expectrl::Eof).unwrap();
    let untar = Command::new("tar")
        .args(["xf", "m.tar"])
        .current_dir(family.dir.path())
        .output()
        .unwrap();
    assert!(untar.status.success(), "{}", text(&untar.stderr));
    let card = fs::read_to_string(family.path("kapukulcs-mentes/02-papa/kartya.txt")).unwrap();
    assert!(card.contains("GEZD GNBV GY3T QOJQ"), "{card}");
}

#[test]
#[ignore = "needs the age CLI (Debian package age); CI installs it"]
fn kapukulcs_opens_a_bundle_the_age_cli_encrypted() {
    assert!(
        has("age"),
        "the age CLI is not installed (Debian package age)"
    );
    let family = Family::new();
    let plaintext = crypt::decrypt(&family.bundle(), &unlock()).unwrap();
    fs::write(family.path("m.tar"), &plaintext[..]).unwrap();
    let keygen = Command::new("age-keygen")
        .args(["-o", "kulcs.txt"])
        .current_dir(family.dir.path())
        .output()
        .unwrap();
    assert!(keygen.status.success());
    let identity = fs::read_to_string(family.path("kulcs.txt")).unwrap();
    let public = identity
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap();
    let sealed = Command::new("age")
        .args(["-r", public, "-o", "kulso.age", "m.tar"])
        .current_dir(family.dir.path())
        .output()
        .unwrap();
    assert!(sealed.status.success(), "{}", text(&sealed.stderr));
    let out = kapukulcs(
        family.dir.path(),
        &["--bundle", "kulso.age", "-i", "kulcs.txt", "lista"],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("kovacs.maria"),
        "{}",
        text(&out.stdout)
    );
}
