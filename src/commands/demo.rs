//! `kapukulcs demo`: a made-up family (Én, Mama, Papa) with generated keys,
//! written to a folder as a real bundle, a PDF sheet and "screenshots", so a
//! new user sees every part of the program without a real account.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::{DeletionCode, Family, Member, Picture, UGYFELKAPU_ISSUER},
    fl,
    formats::otpauth::{Key, OtpAuth},
    platform,
    prompter::Prompter,
    qr::draw,
    sheet,
    store::{self, StoreError},
    vault::{self, Access, Keys, Vault},
};

/// The command line of `demo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// `--dir`: where; a new temporary folder when `None`.
    #[arg(long, value_name = fl!("help-value-folder"), help = fl!("help-demo-dir"))]
    pub dir: Option<PathBuf>,
}

/// The made-up family: name, username, picture file name.
const PEOPLE: [(&str, &str, &str); 3] = [
    ("Én", "kovacs.peter", "en.png"),
    ("Mama", "kovacs.maria", "mama.png"),
    ("Papa", "kovacs.janos", "papa.png"),
];

/// Makes the demo family with keys and deletion codes from `rng`.
pub fn family(rng: &mut impl rand::Rng, ctx: &Context) -> Family {
    use rand::RngExt;
    let mut family = Family::default();
    for (name, username, file_name) in PEOPLE {
        // 12 bytes: a 20-character key, as Ügyfélkapu+ shows.
        let bytes: Vec<u8> = (0..12).map(|_| rng.random::<u8>()).collect();
        let account = OtpAuth::new(
            Some(UGYFELKAPU_ISSUER.to_owned()),
            username.to_owned(),
            Key::from_bytes(bytes),
        );
        let mut member = Member::new(name.to_owned(), account, ctx.clock.now());
        member.username = Some(username.to_owned());
        let code: String = (0..8)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect();
        member.deletion_code = DeletionCode::parse(&code).ok();
        member.picture = draw::png(&member.original_uri, 6)
            .ok()
            .map(|bytes| Picture {
                file_name: file_name.to_owned(),
                bytes,
            });
        member.note = fl!("demo-note");
        family.add(member).expect("the demo names are distinct");
    }
    family
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    store::write_atomic(path, bytes, &|_| false)
        .map(drop)
        .map_err(Error::Store)
}

/// Runs `demo` into `dir` (a new temporary folder when `None`).
pub fn run(
    ctx: &Context,
    dir: Option<PathBuf>,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let dir = match dir {
        Some(dir) => dir,
        None => tempfile::Builder::new()
            .prefix("kapukulcs-demo-")
            .tempdir()
            .map_err(|error| {
                Error::Store(StoreError::Write {
                    path: std::env::temp_dir(),
                    error,
                })
            })?
            .keep(),
    };
    let family = family(&mut rand::rng(), ctx);

    let pictures = dir.join("kepek");
    for member in &family.members {
        if let Some(picture) = &member.picture {
            write_private(&pictures.join(&picture.file_name), picture.bytes.expose())?;
        }
    }
    let passphrase_file = dir.join("demo-jelszo.txt");
    let passphrase = vault::suggest_passphrase(&mut rand::rng());
    write_private(
        &passphrase_file,
        format!("{}\n", passphrase.expose()).as_bytes(),
    )?;

    let bundle = dir.join(vault::DEFAULT_FILE_NAME);
    let keys = Keys {
        passphrase_file: Some(passphrase_file.clone()),
        recipients: Vec::new(),
        identities: Vec::new(),
        work_factor: ctx.keys.work_factor,
    };
    let mut vault = Vault::open(&bundle, &keys, prompter, Access::Create)?;
    vault.family = family;
    vault.save(prompter, ctx.clock.now())?;
    let sheet_path = sheet::write(
        &vault.family,
        &dir.join("helyreallito-lap.pdf"),
        ctx.clock.now(),
    )?;

    let _ = writeln!(
        out,
        "{}",
        fl!(
            "info-demo",
            dir = dir.display().to_string(),
            bundle = bundle.display().to_string(),
            passphrase_file = passphrase_file.display().to_string(),
            passphrase = passphrase.expose(),
            sheet = sheet_path.display().to_string(),
            pictures = pictures.display().to_string(),
            program = platform::command_name(),
            bundle_arg = platform::shell_quoted(&bundle),
            passphrase_file_arg = platform::shell_quoted(&passphrase_file),
            picture_arg = platform::shell_quoted(&pictures.join(PEOPLE[1].2))
        )
    );
    // Keep the folder readable only by the user: it holds demo secrets.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}
