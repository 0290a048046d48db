//! `attache config`: where the settings file is, a complete default one, and a check of it.

use crate::kept::Dirs;
use std::io::{self, Write};

/// Runs `attache config`; returns the exit code (1 when `--check` finds a problem).
pub fn run(path: bool, print_default: bool, check: bool, out: &mut dyn Write) -> io::Result<u8> {
    if print_default {
        out.write_all(super::print_default().as_bytes())?;
        return Ok(0);
    }
    let Some(dirs) = Dirs::from_env() else {
        eprintln!(
            "attache: error: no home directory to keep config.toml in: set {} or {}",
            crate::kept::dirs::CONFIG_DIR_VAR,
            crate::kept::dirs::HOME_VAR
        );
        return Ok(1);
    };
    let file = dirs.config_file();
    if path {
        writeln!(out, "{}", file.display())?;
        return Ok(0);
    }
    let exists = file.exists();
    match super::load(&file) {
        Ok(settings) if check => {
            for w in &settings.warnings {
                eprintln!(
                    "attache: warning: {}",
                    crate::sanitize::plain(&w.to_string())
                );
            }
            let how = if exists {
                "is valid"
            } else {
                "does not exist: the defaults apply"
            };
            writeln!(out, "{} {how}", file.display())?;
            Ok(0)
        }
        Ok(_) => {
            let how = if exists {
                "valid"
            } else {
                "not there yet; the defaults apply"
            };
            writeln!(out, "{} ({how})", file.display())?;
            writeln!(
                out,
                "attache config --print-default prints a complete one to start from"
            )?;
            Ok(0)
        }
        Err(e) => {
            eprintln!("attache: error: {}", crate::sanitize::plain(&e.to_string()));
            Ok(1)
        }
    }
}
