//! kapukulcs: Ügyfélkapu+ keys for the whole family, backed up and restored.
//!
//! Since 2025 the Hungarian government portal needs a TOTP second factor.
//! Adults who manage their parents' accounts keep several keys on one phone;
//! when that phone breaks, the keys must come back from saved QR codes. This
//! library reads those QR codes, understands the keys inside, and computes
//! the same codes as the phone. The binary (`src/main.rs`) only picks the
//! language, calls [`run`] and turns an error into a message.

pub mod aegis;
pub mod bundle;
pub mod cli;
pub mod commands;
pub mod crypt;
pub mod error;
pub mod family;
pub mod i18n;
pub mod migration;
pub mod otpauth;
pub mod platform;
pub mod prompter;
pub mod qr_draw;
pub mod qr_read;
pub mod qr_terminal;
pub mod secret;
pub mod sheet;
pub mod store;
pub mod totp;
pub mod uri_list;
pub mod vault;
pub mod wizard;

use std::{
    ffi::OsString,
    io::{self, Write},
    time::{SystemTime, UNIX_EPOCH},
};

pub use error::Error;
use prompter::Terminal;

/// Seconds since 1970 by the system clock (0 if the clock is before 1970).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Runs the command line `args` (program name first) with the process's
/// standard streams and clock.
pub fn run(args: &[OsString]) -> Result<(), Error> {
    // Not locked for the whole run: spinners and prompts write to standard
    // error from their own threads, and a held lock would deadlock them.
    let mut out = io::stdout();
    let mut err = io::stderr();
    match cli::parse(args)? {
        cli::Command::Help(text) | cli::Command::Version(text) => {
            let _ = write!(out, "{text}");
            Ok(())
        }
        cli::Command::Code(code_args) => commands::code::run(
            &code_args,
            &mut io::stdin().lock(),
            &mut out,
            &mut err,
            unix_now(),
        ),
        cli::Command::Decode { images } => commands::decode::run(&images, &mut out, &mut err),
        cli::Command::Add(opts, args) => commands::add::run(
            &context(opts),
            &args,
            &mut io::stdin().lock(),
            &mut Terminal::new(),
            &mut out,
        ),
        cli::Command::List(opts) => {
            commands::list::run(&context(opts), &mut Terminal::new(), &mut out)
        }
        cli::Command::Remove { opts, name, yes } => {
            commands::remove::run(&context(opts), &name, yes, &mut Terminal::new(), &mut out)
        }
        cli::Command::Print { opts, output } => {
            commands::print::run(&context(opts), output, &mut Terminal::new(), &mut out)
        }
        cli::Command::Setup { opts, dir, answers } => {
            let ctx = context(opts);
            let mut prompter = Terminal::new();
            let mut vault = vault::Vault::open(&ctx.bundle, &ctx.keys, &mut prompter, true)?;
            let workspace = dir.unwrap_or_else(platform::default_workspace);
            wizard::Wizard::new(&mut vault, &mut prompter, &now, workspace, answers).run()
        }
        cli::Command::Restore(opts, args) => {
            commands::restore::run(&context(opts), &args, &mut Terminal::new(), &now, &mut out)
        }
        cli::Command::Check { opts, codes, live } => commands::check::run(
            &context(opts),
            &codes,
            live,
            &mut Terminal::new(),
            &now,
            &mut out,
        ),
        cli::Command::Import { opts, files } => {
            commands::import::run(&context(opts), &files, &mut Terminal::new(), &now, &mut out)
        }
        cli::Command::Export {
            opts,
            format,
            output,
        } => commands::export::run(
            &context(opts),
            format,
            &output,
            &mut Terminal::new(),
            &mut out,
        ),
        cli::Command::Menu(opts) => menu(context(opts), &mut Terminal::new(), &mut out),
        cli::Command::Demo { dir } => {
            let opts = cli::BundleOpts {
                bundle: None,
                keys: vault::Keys::default(),
            };
            commands::demo::run(&context(opts), dir, &mut Terminal::new(), &mut out)
        }
    }
}

/// The moment now, in UTC (the local offset is not reliably known in a
/// multi-threaded program; dates are shown to the day).
pub fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// The main menu: what people see when they start the program without a
/// command. The bundle is opened once, so the passphrase is asked once.
fn menu(
    ctx: commands::context::Context,
    prompter: &mut Terminal,
    out: &mut dyn Write,
) -> Result<(), Error> {
    use prompter::Prompter;
    let mut vault = vault::Vault::open(&ctx.bundle, &ctx.keys, prompter, true)?;
    let items = [
        fl!("menu-setup"),
        fl!("menu-check"),
        fl!("menu-restore"),
        fl!("menu-print"),
        fl!("menu-list"),
        fl!("menu-quit"),
    ];
    loop {
        match prompter.select(&fl!("menu-title"), &items, 0)? {
            0 => wizard::Wizard::new(
                &mut vault,
                prompter,
                &now,
                platform::default_workspace(),
                Default::default(),
            )
            .run()?,
            1 => {
                prompter.say(&fl!("check-intro"));
                loop {
                    let typed = prompter.input(&fl!("check-ask"), None, true)?;
                    if typed.trim().is_empty() {
                        break;
                    }
                    let unix = now().unix_timestamp().max(0) as u64;
                    prompter.say(&commands::check::answer(&vault.family, &typed, unix));
                }
            }
            2 => {
                // Restore opens the bundle itself (it saves confirmations).
                commands::restore::run(&ctx, &Default::default(), prompter, &now, out)?;
                vault = vault::Vault::open(&ctx.bundle, &ctx.keys, prompter, false)?;
            }
            3 => commands::print::print_family(&vault.family, None, &ctx, out)?,
            4 => {
                let _ = write!(out, "{}", commands::list::table(&vault.family));
            }
            _ => return Ok(()),
        }
    }
}

fn context(opts: cli::BundleOpts) -> commands::context::Context {
    commands::context::Context {
        bundle: opts.bundle.unwrap_or_else(vault::default_path),
        keys: opts.keys,
        now: now(),
    }
}
