//! Nothing lost when saving, through the real binary: two writers at once
//! (the second is refused, never silently dropped), kills that land while
//! the new bundle is being written, and a disk that fills up part-way
//! (a file size limit). The bundles here are locked to an age X25519 key,
//! so no key derivation hides the write: every moment a test picks is in
//! the save itself.

use std::{
    collections::BTreeSet,
    fs,
    io::Write,
    os::unix::process::{CommandExt, ExitStatusExt},
    path::PathBuf,
    process::{Child, Command, Output, Stdio},
    time::{Duration, Instant},
};

use age::secrecy::ExposeSecret;
use kapukulcs::vault::{
    bundle,
    crypt::{self, Unlock},
};

use crate::support::{
    picture::{qr_png_sized, ugyfelkapu_uri as uri},
    run::{self, text},
};

/// A folder with an age key and a bundle locked to it.
pub(crate) struct Keyed {
    dir: tempfile::TempDir,
    identity: age::x25519::Identity,
}

impl Keyed {
    /// A bundle holding Mama, with `padding` bytes of noise in her original
    /// picture so that each save writes that much.
    pub(crate) fn new(padding: usize) -> Keyed {
        let dir = tempfile::tempdir().unwrap();
        let identity = age::x25519::Identity::generate();
        fs::write(
            dir.path().join("kulcs.txt"),
            format!("{}\n", identity.to_string().expose_secret()),
        )
        .unwrap();
        let mut picture = qr_png_sized(&uri("kovacs.maria", "ABCDEFGHIJKLMNOPQRST"), 6);
        picture.extend((0..padding as u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
        fs::write(dir.path().join("mama.png"), picture).unwrap();
        let keyed = Keyed { dir, identity };
        let recipient = keyed.identity.to_public().to_string();
        let out = keyed.run(
            &[
                "--recipient",
                &recipient,
                "hozzaadas",
                "--name",
                "Mama",
                "--image",
                "mama.png",
            ],
            "",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        keyed
    }

    pub(crate) fn dir_path(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut command = run::binary();
        command
            .current_dir(self.dir.path())
            .args(["--bundle", "mentes.age", "--identity", "kulcs.txt"])
            .args(args);
        command
    }

    pub(crate) fn run(&self, args: &[&str], stdin: &str) -> Output {
        run::output(self.command(args), &[], stdin)
    }

    /// `hozzaadas` for `name` with a key on standard input, started.
    pub(crate) fn start_adding(&self, name: &str, key: &str) -> Child {
        let mut child = self
            .command(&["hozzaadas", "--name", name, "--key", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{key}\n").as_bytes());
        child
    }

    pub(crate) fn bundle(&self) -> Vec<u8> {
        fs::read(self.path("mentes.age")).unwrap()
    }

    /// The names in the bundle, opened by the library's own reader, which
    /// checks every file against the manifest; `None` when it does not open.
    pub(crate) fn names(&self) -> Option<BTreeSet<String>> {
        let unlock = Unlock::Identities(vec![Box::new(self.identity.clone())]);
        let plaintext = crypt::decrypt(&self.bundle(), &unlock).ok()?;
        let contents = bundle::from_tar(&plaintext).ok()?;
        Some(
            contents
                .family
                .members
                .into_iter()
                .map(|m| m.name)
                .collect(),
        )
    }

    /// Temporary files a save left in the folder.
    pub(crate) fn leftovers(&self) -> Vec<String> {
        fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }
}

pub(crate) fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The start of the message a second writer gets, in Hungarian.
pub(crate) const BUSY: &str = "Ezt a mentést éppen egy másik kapukulcs használja";

#[test]
fn two_writers_at_once_never_lose_a_person() {
    let keyed = Keyed::new(2_000_000);
    let mut expected = names(&["Mama"]);
    let (mut both, mut refused) = (0, 0);
    for round in 0..20u64 {
        let first_name = format!("Anna {round}");
        let second_name = format!("Béla {round}");
        let first = keyed.start_adding(&first_name, "GEZDGNBVGY3TQOJQ");
        // From "at the same moment" to "after the first has finished".
        std::thread::sleep(Duration::from_millis(round * 90));
        let second = keyed.start_adding(&second_name, "MFRGGZDFMZTWQ2LK");
        let mut saved_now = 0;
        for (name, child) in [(first_name, first), (second_name, second)] {
            let out = child.wait_with_output().unwrap();
            let err = text(&out.stderr);
            if out.status.success() {
                expected.insert(name);
                saved_now += 1;
            } else {
                assert!(
                    err.contains(BUSY),
                    "round {round}: {name} failed otherwise: {err}"
                );
                assert!(err.contains("Kilépés"), "no way forward: {err}");
                refused += 1;
            }
        }
        let saved = keyed.names().expect("the bundle opens");
        assert_eq!(saved, expected, "round {round}: a person is missing");
        if saved_now == 2 {
            both += 1;
        }
    }
    eprintln!("20 rounds: {both} with both saved one after the other, {refused} refused");
    assert!(
        refused > 0,
        "the writers never overlapped; the test proved nothing"
    );
}

#[test]
fn kills_during_the_write_leave_the_old_or_the_new_bundle() {
    let keyed = Keyed::new(1_500_000);
    let mut family = names(&["Mama"]);
    let mut during_write = 0;
    let mut attempt = 0u64;
    while during_write < 100 {
        attempt += 1;
        assert!(
            attempt < 400,
            "only {during_write} kills landed in 400 tries"
        );
        let name = format!("Vendég {attempt}");
        let mut child = keyed.start_adding(&name, "GEZDGNBVGY3TQOJQ");
        // The save has begun once its temporary file exists: the key
        // material is loaded and the new bundle is being written.
        let started = Instant::now();
        while keyed.leftovers().is_empty() {
            if child.try_wait().unwrap().is_some() || started.elapsed() > Duration::from_secs(30) {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        // Then somewhere within the next 4 ms: the write, the flush, the
        // backup or the rename.
        std::thread::sleep(Duration::from_micros(attempt * 397 % 4_000));
        let writing = !keyed.leftovers().is_empty();
        let _ = child.kill();
        let status = child.wait().unwrap();
        let killed = status.signal() == Some(libc::SIGKILL);
        if killed && writing {
            during_write += 1;
        }
        let saved = keyed
            .names()
            .unwrap_or_else(|| panic!("attempt {attempt}: the bundle does not open"));
        let mut with_new = family.clone();
        with_new.insert(name);
        assert!(
            saved == family || saved == with_new,
            "attempt {attempt}: {saved:?} is neither the old nor the new family"
        );
        family = saved;
        // A killed process may leave its temporary file; it is never the
        // bundle, and the next save does not mind it.
        for name in keyed.leftovers() {
            fs::remove_file(keyed.path(&name)).unwrap();
        }
    }
    eprintln!(
        "{during_write} kills during the write in {attempt} attempts; {} people saved",
        family.len()
    );
}

/// Runs `args` with files limited to `limit` bytes and SIGXFSZ ignored, so
/// a write past it fails with "File too large" as on a full disk.
pub(crate) fn with_file_size_limit(
    keyed: &Keyed,
    args: &[&str],
    stdin: &str,
    limit: u64,
) -> Output {
    let mut command = keyed.command(args);
    // SAFETY: setrlimit and signal are async-signal-safe, as pre_exec
    // requires.
    unsafe {
        command.pre_exec(move || {
            let rlimit = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &rlimit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    run::output(command, &[], stdin)
}

#[test]
fn a_full_disk_leaves_the_old_bundle_byte_for_byte() {
    let keyed = Keyed::new(200_000);
    let out = keyed.run(
        &["hozzaadas", "--name", "Papa", "--key", "-"],
        "GEZDGNBVGY3TQOJQ\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let before = keyed.bundle();
    let backup_before = fs::read(keyed.path("mentes.age.bak")).unwrap();
    // Room for a bundle a little smaller than today's: the new one, with one
    // more person, runs out of space half-way through.
    let limit = before.len() as u64 - 1_000;
    let out = with_file_size_limit(
        &keyed,
        &["hozzaadas", "--name", "Vendég", "--key", "-"],
        "MFRGGZDFMZTWQ2LK\n",
        limit,
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Nem sikerült írni"), "{err}");
    assert!(err.contains("Az előző változat érintetlen"), "{err}");
    assert_eq!(keyed.bundle(), before, "the bundle changed");
    assert_eq!(
        fs::read(keyed.path("mentes.age.bak")).unwrap(),
        backup_before,
        "the backup changed"
    );
    assert_eq!(
        keyed.leftovers(),
        Vec::<String>::new(),
        "a temporary file was left"
    );
    assert_eq!(keyed.names().unwrap(), names(&["Mama", "Papa"]));
    // With room again, the same command works.
    let out = keyed.run(
        &["hozzaadas", "--name", "Vendég", "--key", "-"],
        "MFRGGZDFMZTWQ2LK\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(keyed.names().unwrap(), names(&["Mama", "Papa", "Vendég"]));
}

#[test]
fn a_bundle_behind_a_symbolic_link_is_updated_where_it_lives() {
    let keyed = Keyed::new(0);
    let stick = keyed.path("pendrive");
    fs::create_dir(&stick).unwrap();
    fs::rename(keyed.path("mentes.age"), stick.join("mentes.age")).unwrap();
    std::os::unix::fs::symlink(stick.join("mentes.age"), keyed.path("mentes.age")).unwrap();
    let out = keyed.run(
        &["hozzaadas", "--name", "Papa", "--key", "-"],
        "GEZDGNBVGY3TQOJQ\n",
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        fs::symlink_metadata(keyed.path("mentes.age"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(keyed.names().unwrap(), names(&["Mama", "Papa"]));
    assert!(stick.join("mentes.age.bak").is_file());
    // The person is told where the bundle really went.
    assert!(err.contains("hivatkozás"), "{err}");
    assert!(
        err.contains(&stick.join("mentes.age").display().to_string()),
        "{err}"
    );
}

#[test]
fn reading_works_while_another_run_writes() {
    let keyed = Keyed::new(0);
    // Hold the lock as a running menu would.
    let _writer = kapukulcs::store::WriterLock::acquire(&keyed.path("mentes.age")).unwrap();
    let out = keyed.run(&["lista"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Mama"));
    let pictures = keyed.path("kepek");
    let out = keyed.run(&["visszaallitas", "--png", pictures.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    // A writer is refused, and the bundle is as it was.
    let before = keyed.bundle();
    let out = keyed.run(&["torles", "Mama", "--yes"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(BUSY), "{}", text(&out.stderr));
    assert_eq!(keyed.bundle(), before);
}

/// Issue 17, item 3: a lock file planted as a link (to a file, or to
/// nowhere) or as a second name of another file is refused, and nothing is
/// written through it.
#[test]
fn a_lock_file_that_is_a_link_or_a_second_name_is_refused_untouched() {
    let keyed = Keyed::new(0);
    let lock = keyed.path("mentes.age.lock");
    let victim = keyed.path("level.txt");
    let nowhere = keyed.path("masutt/nincs.txt");
    let before = keyed.bundle();
    let plant: [(&str, &dyn Fn()); 3] = [
        ("a link to a file", &|| {
            std::os::unix::fs::symlink(&victim, &lock).unwrap()
        }),
        ("a link to nowhere", &|| {
            std::os::unix::fs::symlink(&nowhere, &lock).unwrap()
        }),
        ("a second name", &|| fs::hard_link(&victim, &lock).unwrap()),
    ];
    for (what, plant) in plant {
        fs::write(&victim, b"Kedves Mama!").unwrap();
        let _ = fs::remove_file(&lock);
        plant();
        let out = keyed.run(&["torles", "--yes", "Mama"], "");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(
            err.contains("zárolófájlja nem egy közönséges"),
            "{what}: {err}"
        );
        // Named as the person named the bundle (here, in the current folder).
        assert!(err.contains(": mentes.age.lock."), "{what}: {err}");
        assert!(err.contains("töröld ezt az egy fájlt"), "{what}: {err}");
        assert_eq!(fs::read(&victim).unwrap(), b"Kedves Mama!", "{what}");
        assert!(
            !nowhere.exists() && !keyed.path("masutt").exists(),
            "{what}"
        );
        assert_eq!(keyed.bundle(), before, "{what}: the bundle changed");
    }
    // Once the planted file is gone, the same command works.
    fs::remove_file(&lock).unwrap();
    let out = keyed.run(&["torles", "--yes", "Mama"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Issue 17, item 7: `kulcsok` and `jelszo` on a bundle behind a link name
/// the previous version where the save really kept it.
#[test]
fn the_old_keys_copy_is_named_where_it_is_behind_a_link() {
    let keyed = Keyed::new(0);
    let stick = keyed.path("pendrive");
    fs::create_dir(&stick).unwrap();
    fs::rename(keyed.path("mentes.age"), stick.join("b.age")).unwrap();
    std::os::unix::fs::symlink("pendrive/b.age", keyed.path("mentes.age")).unwrap();
    let real_backup = stick.join("b.age.bak");
    // The link is relative, and so is the name the person is given.
    let shown = "Az előző változat megmaradt: pendrive/b.age.bak.";
    let another = age::x25519::Identity::generate().to_public().to_string();
    let out = keyed.run(&["kulcsok", "--add", &another], "");
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(real_backup.is_file());
    assert!(said.contains(shown), "{said}");
    assert!(!said.contains("mentes.age.bak"), "{said}");
    fs::write(keyed.path("uj.txt"), "hegy-tavasz-kert-alma-88\n").unwrap();
    let out = keyed.run(&["jelszo", "--yes", "--new-passphrase-file", "uj.txt"], "");
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(said.contains(shown), "{said}");
    assert!(!keyed.path("mentes.age.bak").exists());
}

/// Issue 17, item 10: a mistyped `--bundle` makes nothing (no folder, no
/// lock file) before saying there is no bundle there.
#[test]
fn a_mistyped_bundle_creates_nothing() {
    let keyed = Keyed::new(0);
    for bundle in ["nincs/ilyen/mentes.age", "elgepelt.age"] {
        let mut command = run::binary();
        command
            .current_dir(keyed.dir.path())
            .args(["--bundle", bundle, "--identity", "kulcs.txt"]);
        let out = run::output(command, &["torles", "--yes", "Mama"], "");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("Még nincs mentés itt"), "{err}");
    }
    assert!(!keyed.path("nincs").exists(), "a folder was made");
    assert!(
        !keyed.path("elgepelt.age.lock").exists(),
        "a lock file was made"
    );
}

/// Issue 17, item 10: a plaintext output that cannot be written (a full
/// disk, here a file size limit) does not claim a previous version that
/// never was; it says no half-written file was left, and none is.
#[test]
fn a_failed_plaintext_write_says_what_fits() {
    let keyed = Keyed::new(0);
    let out = with_file_size_limit(
        &keyed,
        &["exportalas", "--format", "uri", "--output", "lista.txt"],
        "",
        10,
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Nem sikerült írni"), "{err}");
    assert!(!err.contains("Az előző változat érintetlen"), "{err}");
    assert!(err.contains("Félig írt fájl nem maradt"), "{err}");
    assert_eq!(keyed.leftovers(), Vec::<String>::new());
    assert!(!keyed.path("lista.txt").exists());
}
