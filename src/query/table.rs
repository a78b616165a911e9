//! The table view's rows (lines stating one figure folded into one row), their sort order, and
//! the CSV of the same lines in the same order, one record per line so every source is kept.

use crate::format;
use crate::model::{Dataset, Lang, Observation, Texts};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Indicator,
    Sector,
    Region,
    Year,
    Value,
    Unit,
    Kind,
    Source,
}

impl Column {
    pub const ALL: [Column; 8] =
        [Column::Indicator, Column::Sector, Column::Region, Column::Year, Column::Value, Column::Unit, Column::Kind, Column::Source];

    pub fn id(self) -> &'static str {
        match self {
            Column::Indicator => "indicator",
            Column::Sector => "sector",
            Column::Region => "region",
            Column::Year => "year",
            Column::Value => "value",
            Column::Unit => "unit",
            Column::Kind => "kind",
            Column::Source => "source",
        }
    }
}

/// A column sort the reader chose; the table starts unsorted (`None`: the filter's reading order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Sort {
    /// The sort after a click on a column's header: ascending first, then flipping.
    pub fn after_click(current: Option<Sort>, column: Column) -> Sort {
        match current {
            Some(sort) if sort.column == column => Sort { column, descending: !sort.descending },
            _ => Sort { column, descending: false },
        }
    }
}

/// What a column header announces (`aria-sort`): only the column actually sorted says how.
pub fn aria_sort(current: Option<Sort>, column: Column) -> &'static str {
    match current {
        Some(sort) if sort.column == column && sort.descending => "descending",
        Some(sort) if sort.column == column => "ascending",
        _ => "none",
    }
}

/// Sorts rows in place; ties keep the filter's reading order (the sort is stable).
pub fn sort_rows(dataset: &Dataset, rows: &mut [&Observation], sort: Sort, lang: Lang) {
    let key = |o: &Observation| -> (String, f64) {
        match sort.column {
            Column::Indicator => (o.label(lang).to_string(), 0.0),
            Column::Sector => (crate::format::sector_name(dataset, o.sector.as_deref(), lang), 0.0),
            Column::Region => (dataset.region_name(&o.region, lang), 0.0),
            Column::Year => (String::new(), f64::from(o.year)),
            Column::Value => (String::new(), crate::query::series::axis_value(o)),
            Column::Unit => (format::unit_name(o.unit, lang), 0.0),
            Column::Kind => (o.kind.id().to_string(), 0.0),
            Column::Source => (dataset.source_of(o).publisher.clone(), 0.0),
        }
    };
    rows.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        let order = ka.0.cmp(&kb.0).then(ka.1.partial_cmp(&kb.1).unwrap_or(Ordering::Equal));
        if sort.descending { order.reverse() } else { order }
    });
}

/// A table row: one figure, and the other lines that state the same figure (within rounding),
/// so a point reported by several sources is listed once with its count of sources.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow<'d> {
    /// The line shown: the most precise of the agreeing lines (the value the charts draw).
    pub observation: &'d Observation,
    /// Every line stating this figure, best confidence first (`observation` among them).
    pub sources: Vec<&'d Observation>,
}

impl TableRow<'_> {
    pub fn n_sources(&self) -> usize {
        self.sources.len()
    }
}

/// Rows in the given order with lines stating the same figure folded into the first one's place.
/// Lines that differ beyond rounding stay rows of their own (a conflict shows side by side).
pub fn table_rows<'d>(dataset: &Dataset, rows: &[&'d Observation]) -> Vec<TableRow<'d>> {
    let mut groups: Vec<Vec<&'d Observation>> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|g| g.first().is_some_and(|first| crate::model::same_figure(first, row))) {
            Some(group) => group.push(row),
            None => groups.push(vec![row]),
        }
    }
    groups
        .into_iter()
        .filter_map(|mut sources| {
            let shown = crate::query::series::point(dataset, sources.iter().copied())
                .and_then(|p| sources.iter().copied().find(|o| o.id == p.drawn))?;
            sources.sort_by(|a, b| crate::query::preference(dataset, a).cmp(&crate::query::preference(dataset, b)));
            Some(TableRow { observation: shown, sources })
        })
        .collect()
}

/// The rows as CSV, UTF-8 with a byte-order mark so spreadsheet programs open Chinese text
/// correctly; values as published, with every source column.
pub fn to_csv(dataset: &Dataset, texts: &Texts, rows: &[&Observation], lang: Lang) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "id", "indicator", "indicator_label", "sector", "region", "period", "year", "value", "unit", "value_readable", "kind",
        "confidence", "publisher", "published", "source_title", "source_url", "quote", "note",
    ];
    let mut result = writer.write_record(header);
    for o in rows {
        if result.is_err() {
            break;
        }
        let source = dataset.source_of(o);
        result = writer.write_record([
            o.id.as_str(),
            o.indicator.as_str(),
            o.label(lang),
            &crate::format::sector_name(dataset, o.sector.as_deref(), lang),
            &dataset.region_name(&o.region, lang),
            // Machine-readable, as the dataset writes it (`year`, `2021-2025`, `2023-01/2023-06`),
            // like the unit column: the same in either language.
            if o.period.is_empty() { "year" } else { o.period.as_str() },
            &o.year.to_string(),
            &o.value.to_string(),
            o.unit.id(),
            &format::figure(o, lang),
            o.kind.id(),
            source.confidence.id(),
            &source.publisher,
            &source.published,
            texts.source_title(o.source),
            &source.url,
            texts.quote(dataset, o),
            texts.note(dataset, o).unwrap_or(""),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_header_and_one_record_per_row_with_its_source() {
        let dataset = crate::fixtures::real();
        let rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "rd_intensity").collect();
        let csv = to_csv(dataset, crate::fixtures::real_texts(), &rows, Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(records.len(), rows.len());
        assert_eq!(&records[0][0], rows[0].id.as_str());
        assert!(records.iter().all(|r| !r[15].is_empty() && !r[16].is_empty()), "every row has its source URL and quote");
    }

    /// Issue 17: the unit column printed Rust's debug names ("PctOfGdp").
    #[test]
    fn csv_unit_column_holds_the_datasets_unit_ids() {
        let dataset = crate::fixtures::real();
        let rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "rd_intensity").collect();
        let csv = to_csv(dataset, crate::fixtures::real_texts(), &rows, Lang::En);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let units: Vec<String> = reader.records().map(|r| r.unwrap()[8].to_string()).collect();
        assert!(!units.is_empty());
        assert!(units.iter().all(|u| u == "pct_of_gdp"), "{units:?}");
    }

    /// Review 2026-12-02: the period column is the dataset's period, not a label in the page's language.
    #[test]
    fn csv_period_column_is_machine_readable() {
        let dataset = crate::fixtures::real();
        let rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "zgc_total_revenue").collect();
        assert!(rows.iter().any(|o| o.is_part_year()), "a part of a year among the rows");
        for lang in [Lang::En, Lang::Zh] {
            let csv = to_csv(dataset, crate::fixtures::real_texts(), &rows, lang);
            let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
            let periods: Vec<String> = reader.records().map(|r| r.unwrap()[5].to_string()).collect();
            let expected: Vec<&str> = rows.iter().map(|o| if o.period.is_empty() { "year" } else { o.period.as_str() }).collect();
            assert_eq!(periods, expected);
            assert!(periods.iter().all(|p| p.is_ascii()), "{periods:?}");
        }
    }

    /// Issue 17: the unsorted table announced `aria-sort="ascending"` on its first column.
    /// Review 2026-12-02: a floor ("at least") keeps its "≥" in the value as shown, as on the page.
    #[test]
    fn csv_value_as_shown_marks_a_floor() {
        let dataset = crate::fixtures::real();
        let rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "cluster_scale_threshold").collect();
        assert!(rows.iter().all(|o| crate::model::is_floor(o)) && !rows.is_empty());
        for lang in [Lang::En, Lang::Zh] {
            let csv = to_csv(dataset, crate::fixtures::real_texts(), &rows, lang);
            let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
            let shown: Vec<String> = reader.records().map(|r| r.unwrap()[9].to_string()).collect();
            assert!(shown.iter().all(|v| v.starts_with('≥')), "{shown:?}");
        }
    }

    #[test]
    fn headers_announce_only_the_sort_the_reader_chose() {
        assert!(Column::ALL.iter().all(|c| aria_sort(None, *c) == "none"));
        let first = Sort::after_click(None, Column::Year);
        assert_eq!((aria_sort(Some(first), Column::Year), aria_sort(Some(first), Column::Indicator)), ("ascending", "none"));
        let second = Sort::after_click(Some(first), Column::Year);
        assert_eq!(aria_sort(Some(second), Column::Year), "descending");
        assert_eq!(Sort::after_click(Some(second), Column::Value), Sort { column: Column::Value, descending: false });
    }

    #[test]
    fn a_figure_from_several_sources_is_one_row_with_its_count() {
        let dataset = crate::fixtures::real();
        let rows: Vec<&Observation> =
            dataset.observations.iter().filter(|o| o.indicator == "gdp" && o.region == "beijing" && o.year == 2016).collect();
        assert!(rows.len() >= 2, "2016 GDP: 24,899.3 亿元 and 2.49 tn yuan");
        let table = table_rows(dataset, &rows);
        assert_eq!(table.len(), 1);
        assert_eq!(table[0].n_sources(), rows.len());
        assert_eq!(table[0].observation.value, 24899.3, "the most precise value is shown");
        // A conflict stays two rows.
        let rows: Vec<&Observation> =
            dataset.observations.iter().filter(|o| o.indicator == "rd_intensity" && o.year == 2013).collect();
        let table = table_rows(dataset, &rows);
        assert_eq!(table.len(), 2, "5.98% (two sources) and 6.1%");
        assert_eq!(table.iter().map(TableRow::n_sources).sum::<usize>(), rows.len());
    }

    #[test]
    fn sorting_by_value_orders_yuan_across_units() {
        let dataset = crate::fixtures::real();
        let mut rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "gdp" && o.region == "beijing").collect();
        sort_rows(dataset, &mut rows, Sort { column: Column::Value, descending: true }, Lang::En);
        let values: Vec<f64> = rows.iter().map(|o| crate::query::series::axis_value(o)).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]));
    }
}
