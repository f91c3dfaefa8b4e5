//! The main menu: what people see when they start the program without a
//! command. The bundle is opened once, so the passphrase is asked once;
//! each item runs the same code as its command.

use std::io::Write;

use crate::{
    commands::{check, list, options::Context, print, restore},
    error::Error,
    fl,
    prompter::Prompter,
    vault::{Access, Vault},
    wizard::Wizard,
};

/// Runs the menu until the user quits.
pub fn run(ctx: &Context, prompter: &mut impl Prompter, out: &mut dyn Write) -> Result<(), Error> {
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Create)?;
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
            0 => Wizard::new(
                &mut vault,
                prompter,
                &ctx.clock,
                crate::platform::default_workspace(),
                Default::default(),
            )
            .run()?,
            1 => check::ask_codes(&vault.family, prompter, &ctx.clock)?,
            2 => restore::on_phone(&mut vault, &Default::default(), &ctx.clock, prompter, out)?,
            3 => print::print_family(&vault.family, None, ctx, out)?,
            4 => {
                let _ = write!(out, "{}", list::table(&vault.family));
            }
            _ => return Ok(()),
        }
    }
}
