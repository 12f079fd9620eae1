"""China's province-level and prefecture-level divisions, as data (one definition).

Used to tell where a report's issuer is and which places its text names (GOV706): a county
report in 福建 that cites 《浙江省…办法》 copied another region's text. Every province-level
division (34) is listed with its short form (浙江) and one-character abbreviation (浙); every
prefecture-level division under it with its full name (杭州市, 恩施土家族苗族自治州, 阿里地区,
兴安盟) and the short form used before 市 or 州 (杭州, 恩施). A few recently renamed or merged
prefectures (襄樊, 思茅, 莱芜, 巢湖) are kept under their province for older reports.

Matching is deliberately strict (see :func:`match_at`): a short form counts only with its
suffix (杭州市, 浙江省, 恩施州), because bare short forms are ordinary words too (日照, 来宾,
中山, 新乡). The index is built the first time it is needed, so importing this module and
checking a report that no place rule looks at costs nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from govlint.records import record

#: (full name, short form, abbreviation, prefecture-level divisions as "full name/short form").
#: A prefecture written without "/short" takes its full name minus 市 as the short form.
PROVINCES: tuple[tuple[str, str, str, str], ...] = (
    ("北京市", "北京", "京", ""),
    ("天津市", "天津", "津", ""),
    ("上海市", "上海", "沪", ""),
    ("重庆市", "重庆", "渝", ""),
    ("河北省", "河北", "冀", "石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市"),
    ("山西省", "山西", "晋", "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市"),
    ("内蒙古自治区", "内蒙古", "蒙",
     "呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟/兴安盟 锡林郭勒盟/锡林郭勒盟 "
     "阿拉善盟/阿拉善盟"),
    ("辽宁省", "辽宁", "辽", "沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市"),
    ("吉林省", "吉林", "吉", "长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州/延边"),
    ("黑龙江省", "黑龙江", "黑",
     "哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区/大兴安岭地区"),
    ("江苏省", "江苏", "苏", "南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市"),
    ("浙江省", "浙江", "浙", "杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市"),
    ("安徽省", "安徽", "皖",
     "合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市 巢湖市"),
    ("福建省", "福建", "闽", "福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市"),
    ("江西省", "江西", "赣", "南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市"),
    ("山东省", "山东", "鲁",
     "济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市 莱芜市"),
    ("河南省", "河南", "豫",
     "郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市"),
    ("湖北省", "湖北", "鄂",
     "武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州/恩施 襄樊市"),
    ("湖南省", "湖南", "湘",
     "长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州/湘西"),
    ("广东省", "广东", "粤",
     "广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 "
     "潮州市 揭阳市 云浮市"),
    ("广西壮族自治区", "广西", "桂",
     "南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市"),
    ("海南省", "海南", "琼", "海口市 三亚市 三沙市 儋州市"),
    ("四川省", "四川", "川",
     "成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 "
     "阿坝藏族羌族自治州/阿坝 甘孜藏族自治州/甘孜 凉山彝族自治州/凉山"),
    ("贵州省", "贵州", "黔",
     "贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州/黔西南 黔东南苗族侗族自治州/黔东南 黔南布依族苗族自治州/黔南"),
    ("云南省", "云南", "滇",
     "昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州/楚雄 红河哈尼族彝族自治州/红河 文山壮族苗族自治州/文山 "
     "西双版纳傣族自治州/西双版纳 大理白族自治州/大理 德宏傣族景颇族自治州/德宏 怒江傈僳族自治州/怒江 迪庆藏族自治州/迪庆 思茅市"),
    ("西藏自治区", "西藏", "藏", "拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区/阿里地区"),
    ("陕西省", "陕西", "陕", "西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市"),
    ("甘肃省", "甘肃", "甘",
     "兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州/临夏 甘南藏族自治州/甘南"),
    ("青海省", "青海", "青",
     "西宁市 海东市 海北藏族自治州/海北 黄南藏族自治州/黄南 海南藏族自治州/海南 果洛藏族自治州/果洛 玉树藏族自治州/玉树 "
     "海西蒙古族藏族自治州/海西"),
    ("宁夏回族自治区", "宁夏", "宁", "银川市 石嘴山市 吴忠市 固原市 中卫市"),
    ("新疆维吾尔自治区", "新疆", "新",
     "乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州/昌吉 博尔塔拉蒙古自治州/博尔塔拉 巴音郭楞蒙古自治州/巴音郭楞 "
     "阿克苏地区/阿克苏地区 克孜勒苏柯尔克孜自治州/克孜勒苏 喀什地区/喀什地区 和田地区/和田地区 伊犁哈萨克自治州/伊犁 "
     "塔城地区/塔城地区 阿勒泰地区/阿勒泰地区"),
    ("台湾省", "台湾", "台", ""),
    ("香港特别行政区", "香港", "港", ""),
    ("澳门特别行政区", "澳门", "澳", ""),
)

#: What a province's short form may be followed by to name it (浙江省 is its full name; the
#: municipalities' full names end in 市, the autonomous regions' in 壮族自治区 and the like).
PROVINCE_SUFFIXES = ("省", "自治区")
#: What a prefecture's short form may be followed by: 市 for cities, 州 for autonomous
#: prefectures (恩施州). 地区 and 盟 are only matched by their full names.
CITY_SUFFIXES = ("市", "州")
#: Names of media and platforms a short form may directly precede (《浙江日报》, 《杭州日报》).
MEDIA_SUFFIXES = ("日报", "晚报", "都市报", "商报", "政务服务网")


@record
class Division:
    """One gazetteer entry: the name as matched, and the division it names."""

    name: str
    province: str
    city: str | None


@lru_cache(maxsize=1)
def _index() -> dict[str, Division]:
    """Every matchable name → its division (built once, on first use)."""
    names: dict[str, Division] = {}
    for full, short, _abbr, cities in PROVINCES:
        names[full] = Division(full, full, None)
        for suffix in PROVINCE_SUFFIXES:
            names.setdefault(short + suffix, Division(short + suffix, full, None))
        for entry in cities.split():
            city, _, city_short = entry.partition("/")
            city_short = city_short or city.removesuffix("市")
            names[city] = Division(city, full, city)
            if city_short != city:
                suffix = "市" if city.endswith("市") else "州"
                if city.endswith("市") or city.endswith("自治州"):
                    names.setdefault(city_short + suffix, Division(city_short + suffix, full, city))
    return names


@lru_cache(maxsize=1)
def _media_index() -> dict[str, Division]:
    """Short forms (浙江, 杭州) → division, for names directly followed by a media suffix."""
    names: dict[str, Division] = {}
    for full, short, _abbr, cities in PROVINCES:
        names[short] = Division(short, full, None)
        for entry in cities.split():
            city, _, city_short = entry.partition("/")
            if city.endswith("市"):
                names.setdefault(city.removesuffix("市"), Division(city.removesuffix("市"), full, city))
    return names


@lru_cache(maxsize=1)
def _lengths() -> tuple[int, ...]:
    return tuple(sorted({len(name) for name in _index()}, reverse=True))


def match_at(text: str, index: int, media: bool = False) -> Division | None:
    """The division named at ``text[index:]`` (the longest name), or ``None``.

    With ``media``, a short form directly followed by a media name also counts
    (``浙江日报`` names 浙江省).
    """
    names = _index()
    for length in _lengths():
        candidate = text[index : index + length]
        if len(candidate) == length and candidate in names:
            if candidate.endswith("市") and text.startswith("场", index + length):
                continue  # 中山市场 is a market, not 中山市
            return names[candidate]
    if media:
        short_names = _media_index()
        for length in (5, 4, 3, 2):
            candidate = text[index : index + length]
            if candidate in short_names and text.startswith(MEDIA_SUFFIXES, index + length):
                return short_names[candidate]
    return None


#: The last character of every matchable name (浙江省, 杭州市, 恩施州, 阿里地区, 兴安盟).
_LAST_CHARS_RE = re.compile("[省市州区盟]")


def find_all(text: str) -> list[tuple[int, Division]]:
    """Every division named in ``text`` (non-overlapping, leftmost-longest), with its offset.

    Every name ends in 省, 市, 州, 区 or 盟, so only the text before those characters is
    looked up: a report of 10,000 characters is scanned in well under a millisecond.
    """
    names = _index()
    candidates: list[tuple[int, int]] = []
    for suffix in _LAST_CHARS_RE.finditer(text):
        end = suffix.end()
        if text[end - 1] == "市" and text.startswith("场", end):
            continue  # 中山市场 is a market, not 中山市
        for length in _lengths():
            start = end - length
            if start >= 0 and text[start:end] in names:
                candidates.append((start, end))
    candidates.sort(key=lambda span: (span[0], -span[1]))
    found: list[tuple[int, Division]] = []
    last_end = 0
    for start, end in candidates:
        if start >= last_end:
            found.append((start, names[text[start:end]]))
            last_end = end
    return found


def province_of(name: str) -> str | None:
    """The province-level division a full or short province name, or a city's name, belongs to."""
    division = _index().get(name) or _media_index().get(name)
    return division.province if division else None
