//! Beijing's 16 districts: ids used by the data and the URL, names in both languages, and the name
//! each has in the ECharts boundary file (its `properties.name`), which the map view joins on.

use super::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District {
    pub id: &'static str,
    pub name_en: &'static str,
    /// Also the feature name in `beijing.json`.
    pub name_zh: &'static str,
    pub adcode: &'static str,
}

impl District {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.name_en,
            Lang::Zh => self.name_zh,
        }
    }
}

const fn district(id: &'static str, name_en: &'static str, name_zh: &'static str, adcode: &'static str) -> District {
    District { id, name_en, name_zh, adcode }
}

/// In the order of their administrative codes, as the boundary file lists them.
pub const DISTRICTS: [District; 16] = [
    district("dongcheng", "Dongcheng", "东城区", "110101"),
    district("xicheng", "Xicheng", "西城区", "110102"),
    district("chaoyang", "Chaoyang", "朝阳区", "110105"),
    district("fengtai", "Fengtai", "丰台区", "110106"),
    district("shijingshan", "Shijingshan", "石景山区", "110107"),
    district("haidian", "Haidian", "海淀区", "110108"),
    district("mentougou", "Mentougou", "门头沟区", "110109"),
    district("fangshan", "Fangshan", "房山区", "110111"),
    district("tongzhou", "Tongzhou", "通州区", "110112"),
    district("shunyi", "Shunyi", "顺义区", "110113"),
    district("changping", "Changping", "昌平区", "110114"),
    district("daxing", "Daxing", "大兴区", "110115"),
    district("huairou", "Huairou", "怀柔区", "110116"),
    district("pinggu", "Pinggu", "平谷区", "110117"),
    district("miyun", "Miyun", "密云区", "110118"),
    district("yanqing", "Yanqing", "延庆区", "110119"),
];
