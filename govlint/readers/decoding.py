"""Decode report bytes: UTF-8, UTF-8 with BOM, UTF-16/32 with BOM, then GB18030.

Many government files are GBK (a subset of GB18030). GB18030 maps almost any byte
sequence to *something*: Shift-JIS, EUC-KR, Big5 or EUC-JP text decodes as GB18030 into
strings of real but meaningless characters. So a GB18030 decode is accepted only if the
result is plausibly Chinese (:func:`plausibly_chinese`): nearly all of its non-ASCII
characters are Chinese characters or CJK punctuation, most of those characters are among
the ~1,200 most frequent ones (over 88 % of the characters of every real report; a few
percent to 27 % for Japanese or Korean text read as GB18030), and it holds almost no
private-use characters. Otherwise the bytes are reported as undecodable (GOV001, exit 2),
never parsed as mojibake and reported as "not a report".

Text that decodes as UTF-8 may still be mojibake: UTF-8 bytes that were read as
Latin-1/Windows-1252 and saved again as UTF-8 (``ä¸€ã€æ€»ä½“``), or UTF-7 (``+Tgst-``).
Both are recognised by undoing the mistake and finding Chinese text underneath. A BOM
that contradicts the content (a UTF-16 BOM followed by UTF-8 bytes) is an error too.

Line endings: a lone carriage return (classic Mac, some exporters) ends a line. It is
turned into ``\\n`` (same length, so offsets into the file are unchanged), so positions and
line-based parsing see the lines a text editor shows.
"""

from __future__ import annotations

import codecs
import re

from govlint import limits
from govlint.errors import ReadError

#: The default size limit (the effective one is ``limits.current().max_file_size``).
MAX_BYTES = limits.Limits().max_file_size

#: Frequent Chinese characters (general modern frequency, most frequent first). Real
#: reports: 88–98 % of their Chinese characters are among these.
COMMON_HANZI = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道"
    "行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无"
    "力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等"
    "产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几"
    "口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统"
    "区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死"
    "张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元"
    "英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际"
    "约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图"
    "念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护"
    "七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境"
    "客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创"
    "假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获"
    "模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮"
    "挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿"
    "敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域"
    "沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    "虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭"
    "逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫"
    "爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥"
    "徒姆杨齐赛趋曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜"
    "闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃"
    "悲拍丁赵届"
)
#: Of the non-ASCII characters, at least this share must be Chinese characters or CJK/general punctuation.
CHINESE_SHARE = 0.7
#: Of the Chinese characters, at least this share must be frequent ones (:data:`COMMON_HANZI`).
COMMON_SHARE = 0.5
#: At most this share of private-use characters (GB18030's user-defined areas).
PRIVATE_SHARE = 0.01
#: Characters looked at (a report's first pages decide).
_SAMPLE = 50_000

_UNDECODABLE = "无法解码：既不是 UTF-8 也不是 GB18030/GBK 编码的中文文本（可能是日文、韩文等其他编码或乱码）"
_LONE_CR_RE = re.compile(r"\r(?!\n)")
_UTF7_RE = re.compile(r"\+[A-Za-z0-9+/]{2,}-?")


def _is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f" \
        or "\uf900" <= ch <= "\ufaff"


def _is_cjk_punctuation(ch: str) -> bool:
    """CJK and general punctuation, full-width forms, and the symbols reports use (①, ×, ℃, №)."""
    return ("\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f"
            or "\u2100" <= ch <= "\u24ff" or "\u2500" <= ch <= "\u25ff" or "\ufe30" <= ch <= "\ufe4f"
            or ch in "·×÷°±§¤¥")


#: ASCII and whitespace (``\\s`` is ``str.isspace``): what :func:`_others` removes.
_ASCII_OR_SPACE_RE = re.compile(r"[\x00-\x7f\s]+")
#: The ranges of :func:`_is_hanzi` and :func:`_is_cjk_punctuation`, for counting in C.
_HANZI_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f\uf900-\ufaff]")
_CJK_PUNCTUATION_RE = re.compile(
    "[\u3000-\u303f\uff00-\uffef\u2000-\u206f\u2100-\u24ff\u2500-\u25ff\ufe30-\ufe4f·×÷°±§¤¥]")
_PRIVATE_RE = re.compile("[\ue000-\uf8ff]")
#: Deletes the frequent characters: what is left of a string of hanzi is the rare ones.
_DELETE_COMMON = dict.fromkeys(map(ord, COMMON_HANZI))


def _others(sample: str) -> str:
    """The characters of ``sample`` that are neither ASCII nor whitespace, in order.

    The regular expressions count in C: a Python loop over 50,000 characters cost more
    than the rest of reading a plain-text report.
    """
    return _ASCII_OR_SPACE_RE.sub("", sample)


def plausibly_chinese(text: str) -> bool:
    """Whether decoded text is plausibly Chinese rather than another language's bytes read as GB18030."""
    others = _others(text[:_SAMPLE])
    if not others:
        return True  # pure ASCII decodes identically everywhere
    hanzi = "".join(_HANZI_RE.findall(others))
    chinese = len(hanzi) + len(_CJK_PUNCTUATION_RE.findall(others))
    private = len(_PRIVATE_RE.findall(others))
    if chinese < CHINESE_SHARE * len(others) or private > PRIVATE_SHARE * len(others):
        return False
    if not hanzi:
        return True  # punctuation and symbols only
    common = len(hanzi) - len(hanzi.translate(_DELETE_COMMON))
    return common >= COMMON_SHARE * len(hanzi)


def line_endings(text: str) -> str:
    """Lone carriage returns as line feeds (same length: offsets into the file are kept)."""
    return _LONE_CR_RE.sub("\n", text) if "\r" in text else text


def check_size(data: bytes) -> None:
    """:class:`ReadError` when ``data`` is over the current ``max-file-size``."""
    limit = limits.current().max_file_size
    if len(data) > limit:
        from govlint.readers.files import too_large

        raise too_large(len(data), limit)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`ReadError` with a Chinese reason."""
    check_size(data)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text, encoding = _decode_bom(data, "utf-32", "UTF-32"), "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_bom(data, "utf-16", "UTF-16"), "utf-16"
    elif b"\x00" in data[:65536]:
        raise ReadError("二进制文件（含空字节），不是文本报告")
    elif data.startswith(b"\xef\xbb\xbf"):
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            raise ReadError("文件以 UTF-8 字节序标记开头，但内容不是有效的 UTF-8") from None
        check_mojibake(text)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = decode_gb18030(data), "gb18030"
        else:
            check_mojibake(text)
    if not text.strip():
        raise ReadError("文件为空")
    return line_endings(text), encoding


def decode_gb18030(data: bytes) -> str:
    """``data`` as GB18030 if that gives plausibly Chinese text (:class:`ReadError` otherwise)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReadError(_UNDECODABLE) from None
    if not plausibly_chinese(text):
        raise ReadError(_UNDECODABLE)
    return text


def _decode_bom(data: bytes, codec: str, name: str) -> str:
    """Text after a UTF-16/UTF-32 BOM; an error when the content does not match the BOM."""
    width = 4 if codec == "utf-32" else 2
    body = data[width:]
    if any(b >= 0x80 for b in body[:65536]) and b"\x00" not in body[:65536]:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise ReadError(f"文件以 {name} 字节序标记开头，但内容是 UTF-8 编码（字节序标记与内容不符）")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise ReadError(f"文件以 {name} 字节序标记开头，但内容无法按 {name} 解码") from None
    if text.strip() and not plausibly_chinese(text):
        raise ReadError(f"文件以 {name} 字节序标记开头，但按 {name} 解码得到的是乱码（字节序标记与内容不符）")
    return text


def check_mojibake(text: str) -> None:
    """:class:`ReadError` for UTF-8 text that is really double-encoded UTF-8/GBK or UTF-7."""
    sample = text[:_SAMPLE]
    others = _others(sample)
    if not others:
        if "+" in sample and _is_utf7(sample):
            raise ReadError("文件是 UTF-7 编码（如「+ZT9lXw-」），不受支持，请另存为 UTF-8")
        return
    latin = len(_LATIN_READING_RE.findall(others))
    if latin < 0.5 * len(others):
        return
    raw = _undo_latin(sample)
    if raw is None:
        return
    for codec in ("utf-8", "gb18030"):
        # incremental: the sample may end inside a character; a byte lost in the first
        # misreading (U+FFFD) spoils only its own character
        inner = codecs.getincrementaldecoder(codec)(errors="replace").decode(raw, final=False)
        if inner.count("\ufffd") > 0.3 * len(inner):
            continue
        inner = inner.replace("\ufffd", "")
        if any(_is_hanzi(c) for c in inner) and plausibly_chinese(inner):
            raise ReadError("文件是乱码：中文文本被当作 Latin-1/Windows-1252 读取后又保存为 UTF-8（双重编码），请用原始文件")


#: Windows-1252 characters outside Latin-1 (what bytes 0x80–0x9F become).
_CP1252_EXTRA = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
#: A non-ASCII character a Latin-1/Windows-1252 misreading produces (or U+FFFD for a lost byte).
_LATIN_READING_RE = re.compile("[\x80-\xff\ufffd" + re.escape("".join(sorted(_CP1252_EXTRA))) + "]")


def _undo_latin(text: str) -> bytes | None:
    """The bytes that read as ``text`` in Windows-1252 (Latin-1 for its gaps), or ``None``."""
    out = bytearray()
    for ch in text:
        if ch <= "\u00ff":
            out.append(ord(ch))
        elif ch in _CP1252_EXTRA:
            out += ch.encode("cp1252")
        elif ch == "\ufffd":  # a byte the misreading could not map (lost)
            out.append(0x3F)
        else:
            return None
    return bytes(out)


def _is_utf7(text: str) -> bool:
    """Whether ASCII ``text`` is UTF-7 holding Chinese text (shifted ``+…-`` runs)."""
    if len(_UTF7_RE.findall(text, 0, 20000)) < 3:
        return False
    try:
        decoded = text.encode("ascii").decode("utf-7")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return False
    return sum(1 for c in decoded if _is_hanzi(c)) >= 4 and plausibly_chinese(decoded)
