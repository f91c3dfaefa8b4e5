//! Changing the keys of a bundle and opening damaged ones, through the real
//! binary: a new passphrase (`jelszo`), the exact list of age keys
//! (`kulcsok`), switching between the two, the previous file kept as `.bak`
//! after each change, `--recipient` no longer ignored, the message for each
//! way a file can be damaged, and armored files the stock `age -a` writes.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
    time::Duration,
};

use kapukulcs::{
    family::Family,
    secret::SecretString,
    vault::{
        bundle,
        crypt::{self, Lock},
    },
};
use time::OffsetDateTime;

use crate::support::{PASSPHRASE, open_bundle, run};

use run::text;

/// A second passphrase, strong enough not to be warned about.
const NEW_PASSPHRASE: &str = "hegy-tavasz-kert-alma-88";

/// A folder with both passphrases in files and a bundle `mentes.age`.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    /// An empty family's bundle, written by the library with a low work
    /// factor so that the tests stay quick (the binary writes 2^18).
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("jelszo.txt"), format!("{PASSPHRASE}\n")).unwrap();
        fs::write(dir.path().join("uj.txt"), format!("{NEW_PASSPHRASE}\n")).unwrap();
        let folder = Folder { dir };
        fs::write(folder.path("mentes.age"), sealed(&Family::default(), 4)).unwrap();
        folder
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the binary on `mentes.age` with `args` before the command.
    fn run(&self, args: &[&str]) -> Output {
        let mut all = vec!["--bundle", "mentes.age"];
        all.extend_from_slice(args);
        run::in_dir(self.dir.path(), &all, "")
    }

    /// `kulcsok --add KEY --yes` with the passphrase file.
    fn add_key(&self, key: &str) -> Output {
        self.run(&[
            "--passphrase-file",
            "jelszo.txt",
            "kulcsok",
            "--add",
            key,
            "--yes",
        ])
    }

    fn bundle(&self) -> Vec<u8> {
        fs::read(self.path("mentes.age")).unwrap()
    }

    fn backup(&self) -> Vec<u8> {
        fs::read(self.path("mentes.age.bak")).unwrap()
    }

    /// A new age key pair: the identity file's name and the public key.
    fn identity(&self, name: &str) -> (String, String) {
        let identity = age::x25519::Identity::generate();
        let secret = age::secrecy::ExposeSecret::expose_secret(&identity.to_string()).to_owned();
        fs::write(self.path(name), format!("{secret}\n")).unwrap();
        (name.to_owned(), identity.to_public().to_string())
    }
}

/// `family` as a passphrase bundle with [`PASSPHRASE`] and `work_factor`.
fn sealed(family: &Family, work_factor: u8) -> Vec<u8> {
    let plaintext = bundle::to_tar(family, &[], OffsetDateTime::UNIX_EPOCH).unwrap();
    crypt::encrypt(
        &plaintext,
        &Lock::Passphrase {
            passphrase: SecretString::new(PASSPHRASE.into()),
            work_factor: Some(work_factor),
        },
    )
    .unwrap()
}

fn succeeds(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn fails_with(out: &Output, words: &[&str]) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}{err}", text(&out.stdout));
    for word in words {
        assert!(err.contains(word), "{word:?} missing from {err}");
    }
}

#[test]
fn a_new_passphrase_round_trips_and_the_old_one_stops_working() {
    let folder = Folder::new();
    let out = run::in_dir(
        folder.dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "hozzaadas",
            "--name",
            "Papa",
            "--key",
            "-",
        ],
        "GEZDGNBVGY3TQOJQ\n",
    );
    succeeds(&out);
    let before = folder.bundle();

    let out = folder.run(&[
        "--passphrase-file",
        "jelszo.txt",
        "jelszo",
        "--new-passphrase-file",
        "uj.txt",
    ]);
    let said = succeeds(&out);
    assert!(
        said.contains("új jelszót kapott") && said.contains("mentes.age.bak"),
        "{said}"
    );
    assert_eq!(folder.backup(), before, "the previous file is the backup");

    fails_with(
        &folder.run(&["--passphrase-file", "jelszo.txt", "lista"]),
        &["Hibás jelszó"],
    );
    let list = succeeds(&folder.run(&["--passphrase-file", "uj.txt", "lista"]));
    assert!(list.contains("Papa"), "{list}");
    // The backup still opens with the old passphrase, as the person is told.
    let out = run::in_dir(
        folder.dir.path(),
        &[
            "--bundle",
            "mentes.age.bak",
            "--passphrase-file",
            "jelszo.txt",
            "lista",
        ],
        "",
    );
    assert!(succeeds(&out).contains("Papa"));

    // The English alias, and back to the first passphrase.
    let before = folder.bundle();
    let out = folder.run(&[
        "--passphrase-file",
        "uj.txt",
        "passphrase",
        "--new-passphrase-file",
        "jelszo.txt",
    ]);
    succeeds(&out);
    assert_eq!(folder.backup(), before);
    assert_eq!(
        open_bundle(folder.dir.path()).family.members[0].name,
        "Papa"
    );
}

#[test]
fn keys_are_added_removed_and_switched_back_to_a_passphrase() {
    let folder = Folder::new();
    let (mama_file, mama) = folder.identity("mama-kulcs.txt");
    let (papa_file, papa) = folder.identity("papa-kulcs.txt");
    let passphrase = ["--passphrase-file", "jelszo.txt"];

    let out = succeeds(&folder.run(&[&passphrase[..], &["kulcsok"]].concat()));
    assert!(out.contains("jelszóval nyílik"), "{out}");

    // Switching to two keys.
    let before = folder.bundle();
    let out = folder.run(
        &[
            &passphrase[..],
            &["kulcsok", "--add", &mama, "--add", &papa, "--yes"],
        ]
        .concat(),
    );
    let said = succeeds(&out);
    assert!(
        said.contains(&mama) && said.contains(&papa) && said.contains("(2)"),
        "{said}"
    );
    assert_eq!(folder.backup(), before);
    fails_with(
        &folder.run(&[&passphrase[..], &["lista"]].concat()),
        &["age kulccsal van titkosítva"],
    );
    for file in [&mama_file, &papa_file] {
        succeeds(&folder.run(&["-i", file, "lista"]));
    }
    let listed = succeeds(&folder.run(&["-i", &mama_file, "recipients"]));
    assert!(listed.contains(&mama) && listed.contains(&papa), "{listed}");

    // Papa's key taken away: it no longer opens the bundle.
    let before = folder.bundle();
    succeeds(&folder.run(&["-i", &mama_file, "kulcsok", "--remove", &papa]));
    assert_eq!(folder.backup(), before);
    fails_with(
        &folder.run(&["-i", &papa_file, "lista"]),
        &["egyike sem nyitja"],
    );
    let listed = succeeds(&folder.run(&["-i", &mama_file, "kulcsok"]));
    assert!(
        listed.contains(&mama) && !listed.contains(&papa),
        "{listed}"
    );

    // A key it does not have, and the last key, cannot be taken away.
    let unchanged = folder.bundle();
    fails_with(
        &folder.run(&["-i", &mama_file, "kulcsok", "--remove", &papa]),
        &["nincs a mentés kulcsai között", &papa],
    );
    fails_with(
        &folder.run(&["-i", &mama_file, "kulcsok", "--remove", &mama]),
        &["semmi sem nyitná", "kapukulcs jelszo"],
    );
    assert_eq!(folder.bundle(), unchanged, "a refused change wrote nothing");

    // Back to a passphrase: the key stops working.
    let before = folder.bundle();
    let said = succeeds(&folder.run(&[
        "-i",
        &mama_file,
        "jelszo",
        "--new-passphrase-file",
        "uj.txt",
        "--yes",
    ]));
    assert!(said.contains("jelszóval nyílik"), "{said}");
    assert_eq!(folder.backup(), before);
    let identity =
        crypt::read_identity_file(&fs::read(folder.path(&mama_file)).unwrap(), "").unwrap();
    assert!(matches!(
        crypt::decrypt(&folder.bundle(), &crypt::Unlock::Identities(identity)),
        Err(crypt::CryptError::NeedsPassphrase)
    ));
    succeeds(&folder.run(&["--passphrase-file", "uj.txt", "lista"]));
}

/// The identity in an identity file the tests wrote.
fn identity_of(folder: &Folder, file: &str) -> crypt::Unlock {
    crypt::Unlock::Identities(
        crypt::read_identity_file(&fs::read(folder.path(file)).unwrap(), file).unwrap(),
    )
}

/// Whether the bundle opens with the key in `file`.
fn opens_with(folder: &Folder, file: &str) -> bool {
    crypt::decrypt(&folder.bundle(), &identity_of(folder, file)).is_ok()
}

/// A bundle locked to key A is re-encrypted to key B by another program
/// (`reseal`); kapukulcs opened with B must keep B, tell the person that A
/// is left out, and never save to A again (audit, issue 17 item 1).
fn rotation_outside_is_kept(reseal: impl Fn(&Folder, &str, &str)) {
    let folder = Folder::new();
    let (a_file, a) = folder.identity("a.txt");
    let (b_file, b) = folder.identity("b.txt");
    succeeds(&folder.add_key(&a));
    // kapukulcs saved it once more to A, so its manifest records its own
    // header, as every bundle saved from now on does.
    succeeds(&run::in_dir(
        folder.dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "-i",
            &a_file,
            "hozzaadas",
            "--name",
            "Mama",
            "--key",
            "-",
        ],
        "GEZDGNBVGY3TQOJQ\n",
    ));
    reseal(&folder, &a_file, &b);
    assert!(opens_with(&folder, &b_file) && !opens_with(&folder, &a_file));

    let out = folder.run(&["-i", &b_file, "kulcsok"]);
    let listed = succeeds(&out);
    let told = text(&out.stderr);
    assert!(
        listed.contains(&b) && !listed.contains(&a),
        "the key that opened it is the list, not the old one inside: {listed}"
    );
    assert!(
        told.contains("nem a kapukulcs titkosította") && told.contains(&a),
        "the person hears which key is left out: {told}"
    );

    succeeds(&run::in_dir(
        folder.dir.path(),
        &[
            "--bundle",
            "mentes.age",
            "-i",
            &b_file,
            "hozzaadas",
            "--name",
            "Papa",
            "--key",
            "-",
        ],
        "JBSWY3DPEHPK3PXP\n",
    ));
    assert!(
        opens_with(&folder, &b_file),
        "the new key still opens it after a save"
    );
    assert!(
        !opens_with(&folder, &a_file),
        "the old key does not get the new data"
    );
    // Saved by kapukulcs again: its list is its own, and nothing is said.
    let out = folder.run(&["-i", &b_file, "kulcsok"]);
    assert!(succeeds(&out).contains(&b));
    assert!(
        !text(&out.stderr).contains("nem a kapukulcs"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_key_rotation_made_outside_is_not_undone() {
    // What `age -d -i A | age -r B` does, through the age library.
    rotation_outside_is_kept(|folder, a_file, b| {
        let plaintext = crypt::decrypt(&folder.bundle(), &identity_of(folder, a_file)).unwrap();
        let recipients = crypt::parse_recipients(&[b.to_owned()]).unwrap();
        let sealed = crypt::encrypt(&plaintext, &Lock::Recipients(recipients)).unwrap();
        fs::write(folder.path("mentes.age"), sealed).unwrap();
    });
}

#[test]
#[ignore = "needs the age CLI (Debian package age); CI installs it"]
fn a_key_rotation_made_with_the_age_cli_is_not_undone() {
    assert!(
        has("age"),
        "the age CLI is not installed (Debian package age)"
    );
    // The audit's own commands: `age -d -i A.txt b.age | age -r $B > new && mv new b.age`.
    rotation_outside_is_kept(|folder, a_file, b| {
        let out = Command::new("sh")
            .args([
                "-c",
                &format!("age -d -i {a_file} mentes.age | age -r {b} > new && mv new mentes.age"),
            ])
            .current_dir(folder.dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    });
}

#[test]
fn no_key_at_hand_is_asked_about_before_it_is_saved() {
    let folder = Folder::new();
    let (a_file, a) = folder.identity("a.txt");
    let (_, b) = folder.identity("b.txt");
    succeeds(&folder.add_key(&a));
    let before = folder.bundle();
    // `--remove A --add B` with only A at hand: without a terminal to ask
    // in, nothing is saved, and the person is told why and about --yes.
    let out = folder.run(&["-i", &a_file, "kulcsok", "--remove", &a, "--add", &b]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("egyikében sincs hozzá titkos kulcs") && err.contains("--yes"),
        "{err}"
    );
    assert_eq!(folder.bundle(), before, "nothing was saved");
    // Asked and confirmed (`--yes`): saved, and only B opens it.
    succeeds(&folder.run(&[
        "-i", &a_file, "kulcsok", "--remove", &a, "--add", &b, "--yes",
    ]));
    assert!(!opens_with(&folder, &a_file));
    // Keeping a key at hand asks nothing.
    let folder = Folder::new();
    let (a_file, a) = folder.identity("a.txt");
    succeeds(&folder.add_key(&a));
    let out = folder.run(&["-i", &a_file, "kulcsok", "--add", &b]);
    succeeds(&out);
    assert!(
        !text(&out.stderr).contains("titkos kulcs"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn recipient_flag_is_never_silently_ignored() {
    let folder = Folder::new();
    let (file, public) = folder.identity("kulcs.txt");
    let (_, other) = folder.identity("masik.txt");
    let before = folder.bundle();
    let out = folder.run(&["--passphrase-file", "jelszo.txt", "-r", &public, "lista"]);
    fails_with(
        &out,
        &["jelszóval nyílik", "--recipient", "kapukulcs kulcsok --add"],
    );
    assert_eq!(folder.bundle(), before);

    succeeds(&folder.add_key(&public));
    // Naming a key it has is fine; a new one is refused with the way to add it.
    succeeds(&folder.run(&["-i", &file, "-r", &public, "lista"]));
    fails_with(
        &folder.run(&["-i", &file, "-r", &other, "lista"]),
        &[
            "csak új mentésnél",
            &format!("kapukulcs kulcsok --add {other}"),
        ],
    );
}

/// `bytes` with the scrypt stanza line rewritten by `edit`.
fn edit_stanza(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    let start = bytes.windows(3).position(|w| w == b"-> ").unwrap();
    let end = start + bytes[start..].iter().position(|&b| b == b'\n').unwrap();
    let line = std::str::from_utf8(&bytes[start..end]).unwrap();
    [&bytes[..start], edit(line).as_bytes(), &bytes[end..]].concat()
}

#[test]
fn a_work_factor_that_needs_more_memory_than_there_is_is_a_message() {
    // The audit: "18" changed to "22" in the header, run under `ulimit -v`.
    // scrypt would ask for 4 GiB at once; the allocation failing aborted
    // the program (exit 134). Now it is a message and exit 1.
    let folder = Folder::new();
    let good = folder.bundle();
    let heavy = edit_stanza(&good, |line| {
        let (rest, _) = line.rsplit_once(' ').unwrap();
        format!("{rest} 22")
    });
    fs::write(folder.path("mentes.age"), &heavy).unwrap();
    let mut command = run::bounded();
    command.current_dir(folder.dir.path());
    let out = run::output(
        command,
        &[
            "--bundle",
            "mentes.age",
            "--passphrase-file",
            "jelszo.txt",
            "lista",
        ],
        "",
    );
    fails_with(&out, &["4096 MiB memória", "több memóriájú gépen"]);
    assert_eq!(folder.bundle(), heavy, "nothing was written");
}

#[test]
fn each_kind_of_damage_has_its_own_message() {
    let folder = Folder::new();
    let good = folder.bundle();
    let mac = good.windows(5).position(|w| w == b"\n--- ").unwrap() + 5;
    let mut changed_mac = good.clone();
    changed_mac[mac] = if good[mac] == b'A' { b'B' } else { b'A' };
    let salt = |line: &str| {
        let at = "-> scrypt ".len();
        let c = if &line[at..=at] == "A" { "B" } else { "A" };
        format!("{}{c}{}", &line[..at], &line[at + 1..])
    };

    let whole = format!("első {} bájt", good.len());
    let appended = ["végére idegen adat", whole.as_str()];
    // (what, bytes, words the message must hold)
    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        (
            "cut inside the header",
            good[..mac + 10].to_vec(),
            &["csonka"],
        ),
        ("cut in the nonce", good[..mac + 45].to_vec(), &["csonka"]),
        (
            "appended data",
            [&good[..], b"masik fajl\n"].concat(),
            &appended,
        ),
        ("changed header MAC", changed_mac, &["fejléce", "megsérült"]),
        (
            "malformed scrypt stanza",
            edit_stanza(&good, |l| l.replacen("scrypt ", "scrypt !", 1)),
            &["fejléce", "megsérült"],
        ),
        (
            "changed salt, still well-formed",
            edit_stanza(&good, salt),
            &["Hibás jelszó", "vagy", "fejléce"],
        ),
        (
            "work factor above the maximum",
            edit_stanza(&good, |l| format!("{}23", &l[..l.len() - 1])),
            &["2^23", "2^22", "kapukulcs jelszo"],
        ),
    ];
    for (what, bytes, words) in cases {
        fs::write(folder.path("mentes.age"), &bytes).unwrap();
        let out = folder.run(&["--passphrase-file", "jelszo.txt", "lista"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(err.contains("mentes.age"), "{what}: {err}");
        for word in words {
            assert!(err.contains(word), "{what}: {word:?} missing from {err}");
        }
        assert!(
            !err.contains("megváltoztatták, ezért nem bízom"),
            "{what}: {err}"
        );
        assert_eq!(folder.bundle(), bytes, "{what}: the file changed");
    }
}

fn has(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

/// `age-keygen -o NAME` in `dir`; the public key.
fn age_keygen(dir: &Path, name: &str) -> String {
    let out = Command::new("age-keygen")
        .args(["-o", name])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    fs::read_to_string(dir.join(name))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap()
        .to_owned()
}

#[test]
#[ignore = "needs the age CLI (Debian package age); CI installs it"]
fn armored_bundles_the_age_cli_writes_open() {
    use expectrl::Expect;
    assert!(
        has("age") && has("age-keygen"),
        "the age CLI is not installed (Debian package age)"
    );
    let folder = Folder::new();
    let plaintext = crypt::decrypt(
        &folder.bundle(),
        &crypt::Unlock::Passphrase(SecretString::new(PASSPHRASE.into())),
    )
    .unwrap();
    fs::write(folder.path("m.tar"), &plaintext[..]).unwrap();

    // To a key: `age -a -r`.
    let public = age_keygen(folder.dir.path(), "kulcs.txt");
    let out = Command::new("age")
        .args(["-a", "-r", &public, "-o", "kulcsos.age", "m.tar"])
        .current_dir(folder.dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let armored = fs::read(folder.path("kulcsos.age")).unwrap();
    assert!(armored.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
    let out = run::in_dir(
        folder.dir.path(),
        &["--bundle", "kulcsos.age", "-i", "kulcs.txt", "kulcsok"],
        "",
    );
    assert!(succeeds(&out).contains(&public));

    // With a passphrase: `age -a -p`, typed in a terminal as a person does.
    let mut command = Command::new("age");
    command
        .args(["-a", "-p", "-o", "jelszavas.age", "m.tar"])
        .current_dir(folder.dir.path());
    let mut session = expectrl::Session::spawn(command).expect("age starts in a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session.expect("passphrase").unwrap();
    session.send_line(PASSPHRASE).unwrap();
    session.expect("passphrase").unwrap();
    session.send_line(PASSPHRASE).unwrap();
    session.expect(expectrl::Eof).unwrap();
    let armored = fs::read(folder.path("jelszavas.age")).unwrap();
    assert!(armored.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
    // The Go age tool writes the same portable work factor as kapukulcs.
    assert_eq!(crypt::work_factor(&armored), Some(crypt::WORK_FACTOR));
    let out = run::in_dir(
        folder.dir.path(),
        &[
            "--bundle",
            "jelszavas.age",
            "--passphrase-file",
            "jelszo.txt",
            "lista",
        ],
        "",
    );
    succeeds(&out);
    assert!(
        !text(&out.stderr).contains("lassabb"),
        "2^18 is not slow: {}",
        text(&out.stderr)
    );
}
