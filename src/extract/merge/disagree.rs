//! Where the sources of one event disagree on a checkable detail: the date they state, a deadline,
//! a duration, a toll, a person's title. Claims are kept side by side with their documents.

use super::Item;
use crate::model::{Claim, DateOrigin, Disagreement};
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

/// For one normal form of a detail: each wording with how often it was used, and the documents.
type Claims<'a> = (BTreeMap<&'a str, usize>, Vec<&'a str>);

/// The disagreements among the mentions of one event.
pub fn disagreements(its: &[&Item]) -> Vec<Disagreement> {
    let mut out = Vec::new();
    // field -> norm -> (values with counts, docs); the claims already filed, to keep each
    // document once per claim (a big event has thousands of mentions).
    let mut fields: BTreeMap<&str, BTreeMap<&str, Claims>> = BTreeMap::new();
    let mut filed: FxHashSet<(&str, &str, &str)> = FxHashSet::default();
    let mut note = |field, norm, value, doc| {
        let e = fields.entry(field).or_default().entry(norm).or_default();
        *e.0.entry(value).or_default() += 1;
        if filed.insert((field, norm, doc)) {
            e.1.push(doc);
        }
    };
    for it in its {
        let m = it.m;
        for d in &m.cues.details {
            note(
                d.field.as_str(),
                d.norm.as_str(),
                d.value.as_str(),
                m.doc.as_str(),
            );
        }
        // Dates the sources state themselves, at day precision.
        if m.cues.date_origin == DateOrigin::Clause
            && let Some(d) = &m.date
            && d.precision == Some(crate::model::Precision::Day)
            && !d.approximate
        {
            note("date", d.value.as_str(), d.value.as_str(), m.doc.as_str());
        }
    }
    for (field, norms) in fields {
        if norms.len() < 2 {
            continue;
        }
        // Docs that make several claims on one field (a title and its short form) are not a dispute
        // with themselves; a disagreement needs two documents with different claims.
        let docs: Vec<&Vec<&str>> = norms.values().map(|(_, d)| d).collect();
        let distinct = docs.iter().enumerate().any(|(i, a)| {
            docs[i + 1..]
                .iter()
                .any(|b| a.iter().any(|x| b.iter().any(|y| x != y)))
        });
        if !distinct {
            continue;
        }
        let claims = norms
            .into_values()
            .map(|(values, mut docs)| {
                docs.sort();
                let value = values
                    .into_iter()
                    .max_by(|a, b| {
                        a.1.cmp(&b.1)
                            .then(a.0.len().cmp(&b.0.len()))
                            .then(b.0.cmp(a.0))
                    })
                    .map(|(v, _)| v.to_string())
                    .unwrap_or_default();
                Claim {
                    value,
                    docs: docs.into_iter().map(str::to_string).collect(),
                }
            })
            .collect();
        out.push(Disagreement {
            field: field.to_string(),
            claims,
        });
    }
    out
}
