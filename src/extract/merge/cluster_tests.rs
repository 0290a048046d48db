//! Grouping in two lanes (one per kind-family set) must give the groups one lane gives.

use super::*;
use crate::corpus::document_from_text;
use crate::extract::{Extraction, extract_document};
use chrono::NaiveDate;

#[test]
fn families_grouped_in_two_lanes_give_the_groups_one_lane_gives() {
    let texts = [
        "Minister Jane Holt met President Omar Vance in Geneva on Monday. The talks lasted \
         two hours. Holt and Vance signed an agreement on fishing rights on Tuesday.",
        "President Omar Vance held talks with Minister Jane Holt in Geneva on Monday. The \
         agreement on fishing rights was signed on Tuesday, officials said.",
        "Ada Lind spoke by phone with Omar Vance on Wednesday. Lind will meet Holt in Lisbon \
         next month. The two signed a trade deal last year.",
        "Vance and Lind discussed the agreement in a call on Wednesday. A summit in Lisbon \
         is planned for next month.",
    ];
    let day = NaiveDate::from_ymd_opt(2031, 3, 8);
    let documents: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = document_from_text(&format!("d{i}.txt"), t, None);
            d.id = format!("d{}", i + 1);
            d.published.date = day;
            d
        })
        .collect();
    let extractions: Vec<Extraction> = documents.iter().map(extract_document).collect();
    let items: Vec<Item> = extractions
        .iter()
        .flat_map(|ex| &ex.mentions)
        .map(|m| Item {
            m,
            doc_key: &m.doc,
            label: &m.doc,
            dct: day,
        })
        .collect();
    let places = Places::embedded();
    let (facts, any) = facts::facts(&items, places);
    let order = grouping_order(&items);
    assert!(
        two_lanes(&order, &facts).is_some(),
        "the articles tell events of two families at least"
    );
    let apart = apart_pairs(&items, &facts);
    let members =
        |groups: Vec<Group>| -> Vec<Vec<usize>> { groups.into_iter().map(|g| g.members).collect() };
    let one_lane = members(lane(&items, &facts, any, &apart, &order));
    assert!(one_lane.iter().any(|m| m.len() >= 2), "some reports merge");
    assert_eq!(members(cluster(&items, places)), one_lane);
}
