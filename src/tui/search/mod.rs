//! The `/` search and the rows it leaves: the matching rule ([`query`]: terms, fields, the
//! monotone narrowing the rest relies on), the fast matcher ([`few_runs`]), a query one character
//! longer ([`narrowing`]), each view's memo of recent queries ([`rows`]), the search texts
//! ([`texts`]) and facets made beside the first frame ([`background`]), and the ranked quote
//! lookup ([`rank`]).

pub mod background;
pub mod few_runs;
pub mod narrowing;
pub mod query;
pub mod rank;
pub mod rows;
pub mod texts;
