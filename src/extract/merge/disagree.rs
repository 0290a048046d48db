//! Where the sources of one event disagree on a checkable detail: the date they state, a deadline,
//! a duration, a toll, a person's title. Claims are kept side by side with their documents.

use super::Item;
use crate::model::{Claim, DateOrigin, Disagreement};
use std::collections::BTreeMap;

/// For one normal form of a detail: each wording with how often it was used, and the documents.
type Claims = (BTreeMap<String, usize>, Vec<String>);

/// The disagreements among the mentions of one event.
pub fn disagreements(its: &[&Item]) -> Vec<Disagreement> {
    let mut out = Vec::new();
    // field -> norm -> (values with counts, docs)
    let mut fields: BTreeMap<String, BTreeMap<String, Claims>> = BTreeMap::new();
    let mut note = |field: &str, norm: &str, value: &str, doc: &str| {
        let e = fields
            .entry(field.to_string())
            .or_default()
            .entry(norm.to_string())
            .or_default();
        *e.0.entry(value.to_string()).or_default() += 1;
        if !e.1.iter().any(|d| d == doc) {
            e.1.push(doc.to_string());
        }
    };
    for it in its {
        let m = it.m;
        for d in &m.cues.details {
            note(&d.field, &d.norm, &d.value, &m.doc);
        }
        // Dates the sources state themselves, at day precision.
        if m.cues.date_origin == DateOrigin::Clause
            && let Some(d) = &m.date
            && d.precision == Some(crate::model::Precision::Day)
            && !d.approximate
        {
            note("date", &d.value, &d.value, &m.doc);
        }
    }
    for (field, norms) in fields {
        if norms.len() < 2 {
            continue;
        }
        // Docs that make several claims on one field (a title and its short form) are not a dispute
        // with themselves; a disagreement needs two documents with different claims.
        let docs: Vec<&Vec<String>> = norms.values().map(|(_, d)| d).collect();
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
                            .then(b.0.cmp(&a.0))
                    })
                    .map(|(v, _)| v)
                    .unwrap_or_default();
                Claim { value, docs }
            })
            .collect();
        out.push(Disagreement { field, claims });
    }
    out
}
