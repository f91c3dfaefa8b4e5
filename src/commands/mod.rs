//! The commands: their declaration for the command line ([`Command`], with
//! the Hungarian names, English aliases and help from `locales/`), the
//! dispatch ([`run`]), the main menu, and one file per subcommand. Each
//! command takes checked options and explicit input, output, prompter and
//! clock, so tests drive it without a terminal. Commands share only
//! [`options`]; what two commands both need lives below them.

pub mod add;
pub mod check;
pub mod code;
pub mod decode;
pub mod demo;
pub mod export;
pub mod import;
pub mod keys;
pub mod list;
pub mod lost;
pub mod menu;
pub mod options;
pub mod passphrase;
pub mod print;
pub mod remove;
pub mod restore;
pub mod setup;

use std::io;

use clap::Subcommand;

use crate::{
    clock::Clock,
    commands::options::{BundleArgs, Context},
    error::Error,
    fl,
    prompter::{Output, PromptError, Terminal},
};

/// The help page's layout, in the user's language (clap's own headings
/// are English).
pub fn help_template() -> String {
    format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        fl!("help-usage-heading")
    )
}

/// The usage line of `name`, with `operands` after the options (clap's own
/// says `[OPTIONS]`).
fn usage(name: &str, operands: Option<String>) -> String {
    let options = format!("kapukulcs {name} [{}]", fl!("help-options-value"));
    match operands {
        Some(operands) => format!("{options} {operands}"),
        None => options,
    }
}

/// A subcommand: its Hungarian name, English alias and help, declared once.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// `hozzaadas`: add a person without questions.
    #[command(
        name = "hozzaadas",
        visible_alias = "add",
        about = fl!("help-add"),
        override_usage = usage("hozzaadas", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Add(add::Options),
    /// `beallitas`: the guided registration.
    #[command(
        name = "beallitas",
        visible_alias = "setup",
        about = fl!("help-setup"),
        override_usage = usage("beallitas", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Setup(setup::Options),
    /// `lista`: who is in the bundle.
    #[command(
        name = "lista",
        visible_alias = "list",
        about = fl!("help-list"),
        override_usage = usage("lista", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    List(list::Options),
    /// `torles`: take a person out.
    #[command(
        name = "torles",
        visible_alias = "remove",
        about = fl!("help-remove"),
        override_usage = usage("torles", Some(format!("<{}>", fl!("help-value-name")))),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Remove(remove::Options),
    /// `nyomtatas`: write the PDF sheet.
    #[command(
        name = "nyomtatas",
        visible_alias = "print",
        about = fl!("help-print"),
        override_usage = usage("nyomtatas", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Print(print::Options),
    /// `demo`: a made-up family in a folder.
    #[command(
        name = "demo",
        about = fl!("help-demo"),
        override_usage = usage("demo", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Demo(demo::Options),
    /// `visszaallitas`: put the accounts back on a phone.
    #[command(
        name = "visszaallitas",
        visible_alias = "restore",
        about = fl!("help-restore"),
        override_usage = usage("visszaallitas", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Restore(restore::Options),
    /// `ellenorzes`: whose code is this?
    #[command(
        name = "ellenorzes",
        visible_alias = "check",
        about = fl!("help-check"),
        override_usage = usage("ellenorzes", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Check(check::Options),
    /// `importalas`: accounts from another app.
    #[command(
        name = "importalas",
        visible_alias = "import",
        about = fl!("help-import"),
        override_usage = usage("importalas", Some(format!("<{}>...", fl!("help-value-file")))),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Import(import::Options),
    /// `exportalas`: accounts for another app.
    #[command(
        name = "exportalas",
        visible_alias = "export",
        about = fl!("help-export"),
        override_usage = usage("exportalas", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Export(export::Options),
    /// `kod`: the current code of a key or URI read from standard input.
    #[command(
        name = "kod",
        visible_alias = "code",
        about = fl!("help-code"),
        override_usage = usage("kod", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Code(code::Options),
    /// `dekodol`: the otpauth URI in each picture.
    #[command(
        name = "dekodol",
        visible_alias = "decode",
        about = fl!("help-decode"),
        override_usage = usage("dekodol", Some(format!("<{}>...", fl!("help-value-image")))),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Decode(decode::Options),
    /// `jelszo`: a new passphrase (or from keys to a passphrase).
    #[command(
        name = "jelszo",
        visible_alias = "passphrase",
        about = fl!("help-passphrase"),
        override_usage = usage("jelszo", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Passphrase(passphrase::Options),
    /// `kulcsok`: the age keys that open the bundle.
    #[command(
        name = "kulcsok",
        visible_alias = "recipients",
        about = fl!("help-keys"),
        override_usage = usage("kulcsok", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Keys(keys::Options),
    /// `elveszett`: the phone was lost or stolen.
    #[command(
        name = "elveszett",
        visible_alias = "lost",
        about = fl!("help-lost"),
        override_usage = usage("elveszett", None),
        help_template = help_template(),
        next_help_heading = fl!("help-options-heading"),
        disable_help_flag = true
    )]
    Lost(lost::Options),
}

/// Runs `command` (the main menu when there is none) with the process's
/// standard streams, a terminal prompter and the system clock. Standard
/// output is the checked [`Output`]: a reader that closed the pipe ends the
/// run quietly, any other failed write ends it with an error, whether or
/// not the command noticed.
pub fn run(command: Option<Command>, bundle: BundleArgs) -> Result<(), Error> {
    // Not locked for the whole run: spinners and prompts write to standard
    // error from their own threads, and a held lock would deadlock them.
    let mut out = Output::new(io::stdout());
    let result = dispatch(command, bundle, &mut out);
    let written = out.finish();
    match result {
        Ok(()) | Err(Error::Prompt(PromptError::Output(_))) => Ok(written?),
        Err(error) => Err(error),
    }
}

/// Runs `command` with `out` as its standard output.
fn dispatch(
    command: Option<Command>,
    bundle: BundleArgs,
    out: &mut Output<io::Stdout>,
) -> Result<(), Error> {
    let mut err = io::stderr();
    let clock = Clock::system();
    let ctx = || Context::new(bundle.clone(), clock.clone());
    let mut prompter = Terminal::new();
    match command {
        None => menu::run(&ctx(), &mut prompter, out),
        Some(Command::Add(options)) => add::run(
            &ctx(),
            &options.checked()?,
            &mut io::stdin().lock(),
            &mut prompter,
            out,
        ),
        Some(Command::Setup(options)) => {
            // Not locked: the wizard's prompts read standard input too.
            setup::run(&ctx(), options, &mut io::stdin(), &mut prompter)
        }
        Some(Command::List(_)) => list::run(&ctx(), &mut prompter, out),
        Some(Command::Remove(options)) => {
            remove::run(&ctx(), &options.name, options.yes, &mut prompter, out)
        }
        Some(Command::Print(options)) => print::run(&ctx(), options.output, &mut prompter, out),
        // The demo makes its own bundle: the bundle options do not apply.
        Some(Command::Demo(options)) => demo::run(
            &Context::new(BundleArgs::default(), clock),
            options.dir,
            &mut prompter,
            out,
        ),
        Some(Command::Restore(options)) => restore::run(&ctx(), &options, &mut prompter, out),
        Some(Command::Check(options)) => check::run(&ctx(), &options, &mut prompter, out),
        Some(Command::Import(options)) => import::run(&ctx(), &options.files, &mut prompter, out),
        Some(Command::Export(options)) => {
            export::run(&ctx(), options.format, &options.output, &mut prompter, out)
        }
        Some(Command::Code(options)) => code::run(
            &options.checked(),
            &mut io::stdin().lock(),
            out,
            &mut err,
            &clock,
        ),
        Some(Command::Decode(options)) => decode::run(&options.images, out, &mut err),
        Some(Command::Passphrase(options)) => passphrase::run(&ctx(), &options, &mut prompter, out),
        Some(Command::Keys(options)) => keys::run(&ctx(), &options, &mut prompter, out),
        Some(Command::Lost(options)) => lost::run(&ctx(), &options, &mut prompter),
    }
}
