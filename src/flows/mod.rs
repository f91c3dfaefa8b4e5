//! The flows: conversations of several steps that commands share, between
//! the commands above and the core below (`docs/architecture.md`).
//!
//! A flow never imports a command, and flows of the same level never import
//! each other: when two need the same step, it moves down a level
//! ([`phone_check`], [`safe_save`]). The lost-phone flow gets a new
//! registration handed in by its command instead of calling the wizard.

pub mod lost;
pub mod phone_check;
pub mod safe_save;
pub mod wizard;
