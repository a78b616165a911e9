//! The scale ladder: the one measure that covers all ten sectors. The sources state floors
//! ("next-generation IT passed 3 trillion yuan", "all ten passed 100 billion") and, for a few
//! sectors and years, an exact scale; a cell is the strongest statement published for a sector
//! and year, placed in its tier. A year without a statement is no cell: nothing is carried over
//! from a neighbouring year, and a lower cell after a higher one is a weaker statement, not a
//! decline.

use super::drawable;
use super::series::{point, Point};
use crate::model::{is_floor, Dataset, Kind, ObsId, Observation};
use crate::state::{View, ViewState};

/// Measures that state a whole cluster's exact scale, in the sense the floors use ("产业规模",
/// the industry's overall scale). Revenue, output and value added are other measures and stay
/// out of the ladder; the indicator list still compares them.
pub const EXACT_SCALE_MEASURES: [&str; 1] = ["industry_scale"];

/// The levels the sources state, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// An exact scale below 100 billion yuan (no source states a floor this low).
    Below,
    Bn100,
    Bn500,
    Tn1,
    Tn3,
}

impl Tier {
    /// Every tier, lowest first: the legend's order.
    pub const ALL: [Tier; 5] = [Tier::Below, Tier::Bn100, Tier::Bn500, Tier::Tn1, Tier::Tn3];

    /// The tier's lower bound in 亿元 (`None` for `Below`).
    pub fn level(self) -> Option<f64> {
        match self {
            Tier::Below => None,
            Tier::Bn100 => Some(1_000.0),
            Tier::Bn500 => Some(5_000.0),
            Tier::Tn1 => Some(10_000.0),
            Tier::Tn3 => Some(30_000.0),
        }
    }

    /// The tier a value in 亿元 reaches.
    pub fn of(value: f64) -> Tier {
        Tier::ALL.into_iter().rev().find(|tier| tier.level().is_some_and(|level| value >= level - 1e-6)).unwrap_or(Tier::Below)
    }

    /// Position in `ALL`: the value a chart colours by.
    pub fn index(self) -> usize {
        Tier::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// The strongest statement published for one sector in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderCell {
    pub sector: String,
    pub year: u16,
    pub tier: Tier,
    /// The value stated, in 亿元: the floor passed, or the exact scale.
    pub value: f64,
    /// An exact scale (drawn with its value), not a floor ("≥").
    pub exact: bool,
    /// The statement drawn and its sources: for a floor, the year's highest (lower floors are
    /// its `weaker`); for an exact scale, every source of that figure.
    pub point: Point,
    /// The year's other statements the drawn one implies (the floors an exact scale passes).
    pub implied: Vec<ObsId>,
    /// Statements that contradict the drawn one: an exact scale below a floor the same year
    /// states. The cell then draws the floor and says the sources differ.
    pub contradicting: Vec<ObsId>,
}

impl LadderCell {
    /// Every observation behind the cell: the drawn statement's sources, then the rest.
    pub fn observations(&self) -> Vec<ObsId> {
        self.point.observations.iter().chain(&self.implied).chain(&self.contradicting).cloned().collect()
    }
}

/// The ladder for the selected sectors in the state's first place and years.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ladder {
    /// Every selected sector, in the dataset's order (a row even when it has no cell).
    pub sectors: Vec<String>,
    /// The years with a cell for any sector, oldest first.
    pub years: Vec<u16>,
    pub cells: Vec<LadderCell>,
}

impl Ladder {
    pub fn cell(&self, sector: &str, year: u16) -> Option<&LadderCell> {
        self.cells.iter().find(|c| c.sector == sector && c.year == year)
    }
}

/// The statements the ladder reads: published floors and exact scales (outcomes, full years, in
/// yuan: a tier is a sum of money).
fn is_statement(observation: &Observation) -> bool {
    observation.kind == Kind::Actual
        && observation.unit.yuan_scale().is_some()
        && (is_floor(observation) || EXACT_SCALE_MEASURES.contains(&observation.indicator.as_str()))
}

pub fn scale_ladder(dataset: &Dataset, state: &ViewState) -> Ladder {
    let sectors_state = ViewState { view: View::Sectors, ..state.clone() };
    let rows: Vec<&Observation> = drawable(dataset, &sectors_state, None).into_iter().filter(|o| is_statement(o)).collect();
    let sectors: Vec<String> = state.selected_sectors(dataset).into_iter().map(str::to_string).collect();
    let mut years: Vec<u16> = rows.iter().map(|o| o.year).collect();
    crate::model::order::sort(&mut years);
    years.dedup();
    let cells: Vec<LadderCell> = sectors
        .iter()
        .flat_map(|sector| years.iter().map(move |year| (sector, *year)))
        .filter_map(|(sector, year)| {
            let same: Vec<&Observation> = rows.iter().copied().filter(|o| o.year == year && o.sector.as_deref() == Some(sector)).collect();
            ladder_cell(dataset, sector, year, &same)
        })
        .collect();
    Ladder { sectors, years, cells }
}

/// The cell for one sector's statements of one year; `None` without any.
fn ladder_cell(dataset: &Dataset, sector: &str, year: u16, statements: &[&Observation]) -> Option<LadderCell> {
    let (floors, exact): (Vec<&Observation>, Vec<&Observation>) = statements.iter().copied().partition(|o| is_floor(o));
    let floor = point(dataset, floors.iter().copied());
    let scale = point(dataset, exact.iter().copied());
    let ids = |rows: &[&Observation]| rows.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
    let cell = |point: Point, exact: bool, implied: Vec<ObsId>, contradicting: Vec<ObsId>| LadderCell {
        sector: sector.to_string(),
        year,
        tier: Tier::of(point.value),
        value: point.value,
        exact,
        point,
        implied,
        contradicting,
    };
    match (floor, scale) {
        (None, None) => None,
        (Some(floor), None) => Some(cell(floor, false, Vec::new(), Vec::new())),
        (None, Some(scale)) => Some(cell(scale, true, Vec::new(), Vec::new())),
        // An exact scale at or above the year's highest floor says more; the floors are implied.
        (Some(floor), Some(scale)) if scale.value >= floor.value => Some(cell(scale, true, ids(&floors), Vec::new())),
        // An exact scale below a floor of the same year: the sources disagree. The floor is the
        // stronger statement and is drawn; the scale is named beside it.
        (Some(floor), Some(_)) => Some(cell(floor, false, Vec::new(), ids(&exact))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{real, three_sectors};
    use crate::state::parse;

    fn ladder(dataset: &Dataset, query: &str) -> Ladder {
        scale_ladder(dataset, &parse(query, dataset).state)
    }

    /// A cell as the tests read it: tier, value in 亿元, exact.
    type Read = (Tier, f64, bool);

    /// Each row's cell for a year, `None` where nothing is published.
    fn cells(ladder: &Ladder, year: u16) -> Vec<(String, Option<Read>)> {
        ladder.sectors.iter().map(|s| (s.clone(), ladder.cell(s, year).map(|c| (c.tier, c.value, c.exact)))).collect()
    }

    #[test]
    fn a_cell_is_the_strongest_statement_of_its_year_and_a_gap_stays_a_gap() {
        let d = three_sectors(&[
            ("ic-100bn-2023", "cluster_scale_threshold", "ic", "beijing", 2023, "100", "bn_yuan", "actual"),
            ("ic-3tn-2023", "cluster_scale_threshold", "ic", "beijing", 2023, "3", "tn_yuan", "actual"),
            ("ic-1tn-2025", "cluster_scale_threshold", "ic", "beijing", 2025, "1", "tn_yuan", "actual"),
            ("ai-100bn-2023", "cluster_scale_threshold", "ai", "beijing", 2023, "100", "bn_yuan", "actual"),
            ("bio-100bn-2023", "cluster_scale_threshold", "bio", "beijing", 2023, "100", "bn_yuan", "actual"),
            ("bio-scale-2023", "industry_scale", "bio", "beijing", 2023, "9761", "100m_yuan", "actual"),
            ("bio-scale-2026", "industry_scale", "bio", "beijing", 2026, "1.25", "tn_yuan", "target"),
            ("ai-revenue-2024", "industry_revenue", "ai", "beijing", 2024, "3", "tn_yuan", "actual"),
            ("ic-100bn-haidian", "cluster_scale_threshold", "ic", "haidian", 2024, "100", "bn_yuan", "actual"),
        ]);
        let l = ladder(&d, "view=sectors");
        assert_eq!(l.years, [2023, 2025], "no target, no other measure, no other place opens a column");
        let ic = l.cell("ic", 2023).expect("ic has 2023 floors");
        assert_eq!((ic.tier, ic.value, ic.exact), (Tier::Tn3, 30000.0, false), "3 tn, not the weaker 100 bn");
        assert_eq!((ic.point.obs.as_str(), ic.point.weaker.as_slice(), ic.point.conflict), ("ic-3tn-2023", &["ic-100bn-2023".to_string()][..], false));
        let bio = l.cell("bio", 2023).expect("bio has a scale");
        assert_eq!((bio.tier, bio.value, bio.exact, bio.implied.as_slice()), (Tier::Bn500, 9761.0, true, &["bio-100bn-2023".to_string()][..]));
        // 2025: only ic; the others stay empty, never filled from 2023.
        assert_eq!(cells(&l, 2025), [("ic".into(), Some((Tier::Tn1, 10000.0, false))), ("ai".into(), None), ("bio".into(), None)]);
        // The weaker 2025 floor after 2023's 3 tn is drawn as stated.
        assert_eq!(l.cell("ic", 2025).map(|c| c.tier), Some(Tier::Tn1));
        // One sector chosen: one row; a year span: its columns only.
        assert_eq!(ladder(&d, "view=sectors&sector=ai").sectors, ["ai"]);
        assert_eq!(ladder(&d, "view=sectors&time=2024..2025").years, [2025]);
        assert_eq!(ladder(&d, "view=sectors&region=haidian").years, [2024]);
    }

    #[test]
    fn an_exact_scale_below_a_floor_of_its_year_is_a_disagreement_drawn_at_the_floor() {
        let d = three_sectors(&[
            ("bio-1tn-2025", "cluster_scale_threshold", "bio", "beijing", 2025, "1", "tn_yuan", "actual"),
            ("bio-scale-2025", "industry_scale", "bio", "beijing", 2025, "9000", "100m_yuan", "actual"),
        ]);
        let cell = ladder(&d, "view=sectors").cells.remove(0);
        assert_eq!((cell.tier, cell.exact, cell.contradicting.as_slice()), (Tier::Tn1, false, &["bio-scale-2025".to_string()][..]));
    }

    #[test]
    fn a_scale_not_in_yuan_is_no_statement() {
        let d = three_sectors(&[("bio-scale-usd-2025", "industry_scale", "bio", "beijing", 2025, "150", "bn_usd", "actual")]);
        assert_eq!(ladder(&d, "view=sectors").cells, [], "a tier is an amount of yuan");
    }

    #[test]
    fn tiers_start_at_their_level() {
        assert_eq!([999.0, 1000.0, 4999.9, 5000.0, 9761.0, 10000.0, 10600.0, 30000.0].map(Tier::of), [
            Tier::Below, Tier::Bn100, Tier::Bn100, Tier::Bn500, Tier::Bn500, Tier::Tn1, Tier::Tn1, Tier::Tn3
        ]);
    }

    /// The real data against the sources' statements (`data/observations.jsonl`, quoted):
    /// 2020 (zjthegrand.com repost): next-generation IT and science and technology services are
    /// trillion-yuan clusters, intelligent equipment, medicine and health, energy saving and AI
    /// hundred-billion ones. 2022 (China.org.cn): the same two trillion-yuan clusters, six at 100
    /// bn, and medicine and health's scale 891.6 bn. 2023 (Beijing Daily): all ten passed 100 bn,
    /// next-generation IT 3 tn, intelligent equipment 500 bn; medicine and health's scale 976.1 bn.
    /// 2025 (China News Service): three trillion-yuan clusters (next-generation IT, science and
    /// technology services, medicine and health), intelligent manufacturing among the 100 bn ones.
    #[test]
    fn the_real_ladder_states_what_the_sources_state() {
        let l = ladder(real(), "view=sectors");
        assert_eq!(l.sectors.len(), 10, "all ten sectors are rows");
        // `(sector, "≥" for a floor or "=" for an exact scale, value in 亿元)`, in the dataset's order.
        let row = |year: u16| -> Vec<(&str, &str, f64)> {
            l.sectors
                .iter()
                .filter_map(|s| l.cell(s, year).map(|c| (s.as_str(), if c.exact { "=" } else { "≥" }, c.value)))
                .collect()
        };
        assert_eq!(row(2020), [
            ("next_gen_it", "≥", 10000.0), ("medicine_health", "≥", 1000.0), ("intelligent_equipment", "≥", 1000.0),
            ("energy_saving_env", "≥", 1000.0), ("artificial_intelligence", "≥", 1000.0), ("sci_tech_services", "≥", 10000.0),
        ]);
        assert_eq!(row(2022), [
            ("next_gen_it", "≥", 10000.0), ("integrated_circuits", "≥", 1000.0), ("medicine_health", "=", 8916.0),
            ("intelligent_equipment", "≥", 1000.0), ("energy_saving_env", "≥", 1000.0), ("artificial_intelligence", "≥", 1000.0),
            ("sci_tech_services", "≥", 10000.0),
        ]);
        assert_eq!(row(2023), [
            ("next_gen_it", "≥", 30000.0), ("integrated_circuits", "≥", 1000.0), ("medicine_health", "=", 9761.0),
            ("intelligent_equipment", "≥", 5000.0), ("energy_saving_env", "≥", 1000.0), ("new_energy_vehicles", "≥", 1000.0),
            ("new_materials", "≥", 1000.0), ("artificial_intelligence", "≥", 1000.0), ("software_info_services", "≥", 1000.0),
            ("sci_tech_services", "≥", 1000.0),
        ]);
        assert_eq!(row(2025), [
            ("next_gen_it", "≥", 10000.0), ("medicine_health", "≥", 10000.0), ("intelligent_equipment", "≥", 1000.0),
            ("sci_tech_services", "≥", 10000.0),
        ]);
        let it = l.cell("next_gen_it", 2023).expect("2023 has next-generation IT");
        assert_eq!(it.tier, Tier::Tn3);
        assert_eq!(it.point.weaker, ["sec-cluster-100bn-next_gen_it-2023"], "the year's 100 bn floor is its source, not its value");
        assert!(!it.point.conflict, "a weaker floor is no disagreement");
        // Nor in the source panel: the other floor is listed as a floor, not as a conflict.
        let panel = real().point_sources(real().observation("sec-cluster-100bn-next_gen_it-2023").expect("the 100 bn line"));
        assert!(panel.differing.is_empty(), "{:?}", panel.differing);
        assert_eq!(panel.floors.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["sec-cluster-3tn-next_gen_it-2023"]);
        // Medicine and health's 976.1 bn passes its 100 bn floor: the floor is implied.
        assert_eq!(l.cell("medicine_health", 2023).map(|c| c.implied.clone()), Some(vec!["sec-cluster-100bn-medicine_health-2023".to_string()]));
        // The AI *core* industry's "passed 300 bn" (`ai-core-scale-2024`, 넘어섰다) is neither the
        // cluster's scale nor exact: AI has no 2024 cell.
        assert_eq!(l.cell("artificial_intelligence", 2024), None);
        // Every cell keeps its sources: one click from the source panel.
        assert!(l.cells.iter().all(|c| c.observations().iter().all(|id| real().observation(id).is_some())));
    }
}
