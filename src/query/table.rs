//! The table view's rows (lines stating one figure folded into one row), their sort order, and
//! the CSV of the same lines in the same order, one record per line so every source is kept.

use crate::format;
use crate::model::open_data::{base_value, safe_cell};
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

/// Sorts rows in place by what each cell shows in the reader's language (text columns in
/// alphabetical order, Chinese by pinyin: `collation_key`); ties keep the filter's reading order
/// (the sort is stable).
pub fn sort_rows(dataset: &Dataset, rows: &mut [&Observation], sort: Sort, lang: Lang) {
    let text = |shown: String| (collation_key(&shown, lang), shown, 0.0);
    let key = |o: &Observation| -> (String, String, f64) {
        match sort.column {
            Column::Indicator => text(o.label(lang).to_string()),
            Column::Sector => text(crate::format::sector_name(dataset, o.sector.as_deref(), lang)),
            Column::Region => text(dataset.region_name(&o.region, lang)),
            Column::Year => (String::new(), String::new(), f64::from(o.year)),
            Column::Value => (String::new(), String::new(), crate::query::series::axis_value(o)),
            Column::Unit => text(format::unit_name(o.unit, lang)),
            Column::Kind => text(format::kind(o.kind, lang)),
            Column::Source => text(dataset.source_of(o).publisher.clone()),
        }
    };
    let mut keyed: Vec<(KeyOrder, &Observation)> = rows.iter().map(|o| (KeyOrder(key(o)), *o)).collect();
    crate::model::order::sort_by(&mut keyed, |a, b| if sort.descending { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) });
    for (slot, (_, o)) in rows.iter_mut().zip(keyed) {
        *slot = o;
    }
}

/// A sort key with its number compared as a float (NaN never occurs: the loader refuses it).
#[derive(PartialEq)]
struct KeyOrder((String, String, f64));

impl Eq for KeyOrder {}

impl PartialOrd for KeyOrder {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for KeyOrder {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (&self.0, &other.0);
        a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)).then(a.2.partial_cmp(&b.2).unwrap_or(Ordering::Equal))
    }
}

/// What text sorts by: case-folded in English; in Chinese the toneless pinyin of each character
/// (each character's most common reading; letters and digits as they are), so 集成电路 (ji…)
/// comes before 医药健康 (yi…), which Unicode order puts first.
pub fn collation_key(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_lowercase(),
        Lang::Zh => super::search::pinyin(text).join(" "),
    }
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
            crate::model::order::sort_by(&mut sources, |a, b| crate::query::preference(dataset, a).cmp(&crate::query::preference(dataset, b)));
            Some(TableRow { observation: shown, sources })
        })
        .collect()
}

/// The rows as CSV, UTF-8 with a byte-order mark so spreadsheet programs open Chinese text
/// correctly; values as published, with every source column. `base_value` and `base_unit` give
/// each amount of money in plain yuan or dollars (the decimal point moved, nothing rounded): one
/// indicator's rows mix 亿元, billion and trillion yuan as their sources published them, and an
/// analyst sums or plots one column in one unit. Text cells that a spreadsheet would run as a
/// formula are neutralised (`model::open_data::safe_cell`).
pub fn to_csv(dataset: &Dataset, texts: &Texts, rows: &[&Observation], lang: Lang) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "id", "indicator", "indicator_label", "sector", "region", "period", "year", "value", "unit", "base_value", "base_unit",
        "value_readable", "kind", "confidence", "publisher", "published", "source_title", "source_url", "quote", "note",
    ];
    let mut result = writer.write_record(header);
    for o in rows {
        if result.is_err() {
            break;
        }
        let source = dataset.source_of(o);
        let (base, base_unit) = base_value(o);
        let text = |cell: &str| safe_cell(cell).into_owned();
        result = writer.write_record([
            text(&o.id),
            text(&o.indicator),
            text(o.label(lang)),
            text(&crate::format::sector_name(dataset, o.sector.as_deref(), lang)),
            text(&dataset.region_name(&o.region, lang)),
            // Machine-readable, as the data writes it (`Period`'s Display), like the unit column:
            // the same in either language.
            text(&o.period.to_string()),
            o.year.to_string(),
            o.value.to_string(),
            o.unit.id().to_string(),
            base,
            base_unit.to_string(),
            text(&format::figure(o, lang)),
            o.kind.id().to_string(),
            source.confidence.id().to_string(),
            text(&source.publisher),
            text(&source.published),
            text(texts.source_title(o.source)),
            text(&source.url),
            text(texts.quote(dataset, o)),
            text(texts.note(dataset, o).unwrap_or("")),
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
        assert!(records.iter().all(|r| !r[17].is_empty() && !r[18].is_empty()), "every row has its source URL and quote");
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
            let expected: Vec<String> = rows.iter().map(|o| o.period.to_string()).collect();
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
            let shown: Vec<String> = reader.records().map(|r| r.unwrap()[11].to_string()).collect();
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

    /// Issue 23, C11: text columns sort by what the reader sees, in the reader's language.
    #[test]
    fn text_columns_sort_by_the_shown_label_in_the_readers_language() {
        let dataset = crate::fixtures::small();
        let ids = |column: Column, lang: Lang, descending: bool| {
            let mut rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "revenue" && !o.is_part_year()).collect();
            rows.extend(dataset.observations.iter().filter(|o| o.indicator == "rd_intensity"));
            sort_rows(dataset, &mut rows, Sort { column, descending }, lang);
            rows.iter().map(|o| o.id.as_str()).collect::<Vec<_>>()
        };
        // 集成电路 (jicheng…) before 医药健康 (yiyao…), though 医 comes first in Unicode; the
        // economy-wide figures (全部产业, quanbu…) between them. Ties keep the reading order.
        assert_eq!(
            ids(Column::Sector, Lang::Zh, false),
            ["chips-revenue-2021", "chips-revenue-2022", "rd-2020", "rd-2020-media", "rd-2025-target", "drugs-revenue-2021"]
        );
        assert_eq!(
            ids(Column::Sector, Lang::Zh, true),
            ["drugs-revenue-2021", "rd-2020", "rd-2020-media", "rd-2025-target", "chips-revenue-2021", "chips-revenue-2022"]
        );
        // Kinds by their label: 目标 (mubiao) before 实际值 (shijizhi); in English Actual first.
        assert_eq!(ids(Column::Kind, Lang::Zh, false)[0], "rd-2025-target");
        assert_eq!(ids(Column::Kind, Lang::En, false)[5], "rd-2025-target");
        assert_eq!(collation_key("北京市统计局", Lang::Zh), "bei jing shi tong ji ju");
        assert_eq!(collation_key("Beijing Bureau", Lang::En), "beijing bureau");
    }

    #[test]
    fn sorting_by_value_orders_yuan_across_units() {
        let dataset = crate::fixtures::real();
        let mut rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "gdp" && o.region == "beijing").collect();
        sort_rows(dataset, &mut rows, Sort { column: Column::Value, descending: true }, Lang::En);
        let values: Vec<f64> = rows.iter().map(|o| crate::query::series::axis_value(o)).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]));
    }

    /// Code review §6 (S3): a quote or title beginning with `=`, `+`, `-` or `@` ran as a formula
    /// in a spreadsheet. Negative values stay numbers.
    #[test]
    fn csv_cells_that_would_run_as_formulas_are_neutralised() {
        let (dataset, texts, issues) = crate::model::load_with_texts(crate::model::RawFiles {
            observations: r#"{"id":"=cmd","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":2018,"value":-3.5,"unit":"100m_yuan","kind":"actual","source_url":"https://example.org/=cmd","source_title":"@SUM(A1)","publisher":"+p","published":"2024","quote":"-3.5 =1+1","confidence":"media"}"#,
            sectors: "[]",
            ..Default::default()
        });
        assert!(issues.is_empty(), "{issues:?}");
        let rows: Vec<&Observation> = dataset.observations.iter().collect();
        let csv = to_csv(&dataset, &texts, &rows, Lang::En);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let header = reader.headers().expect("a header").clone();
        let record = reader.records().next().expect("one row").expect("a record");
        let column = |name: &str| header.iter().position(|c| c == name).map(|i| record[i].to_string());
        assert_eq!(column("id").as_deref(), Some("'=cmd"));
        assert_eq!(column("source_title").as_deref(), Some("'@SUM(A1)"));
        assert_eq!(column("quote").as_deref(), Some("'-3.5 =1+1"));
        assert_eq!(column("value").as_deref(), Some("-3.5"), "a number stays a number");
        assert_eq!(column("base_value").as_deref(), Some("-350000000"));
    }

    /// Usability review #6: one indicator's values mixed 亿元, billion and trillion yuan.
    #[test]
    fn csv_gives_every_yuan_amount_in_plain_yuan_beside_the_published_value() {
        let dataset = crate::fixtures::real();
        let rows: Vec<&Observation> = dataset.observations.iter().filter(|o| o.indicator == "gdp" && o.region == "beijing").collect();
        let csv = to_csv(dataset, crate::fixtures::real_texts(), &rows, Lang::En);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        let units: std::collections::BTreeSet<&str> = records.iter().map(|r| &r[8]).collect();
        assert!(units.len() >= 2, "Beijing's GDP is published in several units: {units:?}");
        assert!(records.iter().all(|r| &r[10] == "yuan"));
        let of = |id: &str| records.iter().find(|r| &r[0] == id).map(|r| (r[7].to_string(), r[9].to_string()));
        assert_eq!(of("beijing-gdp-2016"), Some(("24899.3".to_string(), "2489930000000".to_string())));
        assert_eq!(of("beijing-gdp-2016-chinadaily"), Some(("2.49".to_string(), "2490000000000".to_string())));
    }
}
