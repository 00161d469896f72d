package analyze

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"
)

// This file decides whether a text asks for, or reports a problem with, the
// physical environment of a ハード分類 category (issue 28; docs/methods.md,
// "ソフトとハードの連携"). A category word that only names a place in passing
// (an activity held in a park, a wish for companions, thanks) does not tag.
//
// Note: kagome gives parts of speech and base forms, not dependencies, so the
// dependency of a category word on its predicate is approximated the way
// Japanese clauses are built: the word's case particle says its role (で: the
// place of an activity; が, は, を, に, まで: an argument), a の chain hands the
// role to the noun it modifies (公園の遊具が → 遊具が), and the predicate is
// the first verb, adjective or predicate noun after it in the sentence, with
// the auxiliaries that follow (negation ない/ず, desire たい/てほしい, passive,
// past). Another argument between the word and its predicate takes the
// predicate for itself (路地に明かりがない: the light is missing, not the
// lane), unless it is a part of a facility (集会所にエレベーターがない).

// An anchorKind says how a category word behaves with predicates.
type anchorKind uint8

const (
	// anchorGood: a thing whose lack or bad state is the problem (街灯, 公園,
	// バス停); its presence (公園が多い) is not.
	anchorGood anchorKind = iota
	// anchorBad: a thing whose presence is the problem (空き家, 段差, 坂,
	// 死角); its absence (段差がない) or removal is not.
	anchorBad
	// anchorSoft: a word that also names a program (居場所): it tags only in
	// a sentence that names a physical thing too.
	anchorSoft
	// anchorPart: a part of a facility (トイレ, 屋根, エレベーター) that has no
	// category of its own: it hands its problem to the category words of its
	// sentence (公園のトイレ, 集会所にエレベーター).
	anchorPart
	// anchorGeneric: a generic word for a space (場所, 施設, 部屋): a lack
	// or a bad state tags, a bare wish does not (気軽に集まれる場所がほしい
	// asks for a program as often as for a room).
	anchorGeneric
)

// hardGenericWords are the built-in words of kind anchorGeneric.
var hardGenericWords = map[string]bool{"場所": true, "施設": true, "部屋": true, "建物": true}

// A hardSynonyms group extends a category whose キーワード include one of its
// triggers with built-in words (停留所 for バス停, 真っ暗 for 暗い).
type hardSynonyms struct {
	triggers []string
	words    []string
}

// hardSynonymGroups are the built-in synonyms of the default categories
// (inputs.md section 2; batchgen's sample sheet). A user's category gets a
// group when one of its キーワード is a trigger.
var hardSynonymGroups = []hardSynonyms{
	{[]string{"空き家", "空家", "空き店舗", "空き地"}, []string{"空き家屋", "廃屋", "廃墟", "空き物件",
		"空きビル", "空地", "遊休地", "空き住戸", "閉店", "シャッター街", "跡地", "空き区画"}},
	{[]string{"段差", "歩道", "道路", "坂", "坂道", "階段"}, []string{"歩道橋", "道", "路地", "交差点",
		"信号", "信号機", "白線", "スロープ", "側溝", "急坂", "上り坂", "下り坂", "車道", "通路", "踏切",
		"路肩", "カーブミラー", "電柱", "歩行者", "でこぼこ", "道路標示"}},
	{[]string{"バス", "バス停", "交通手段", "移動手段", "コミュニティバス", "路線バス"}, []string{"停留所",
		"バス停留所", "路線", "便", "駅", "電車", "交通機関", "公共交通", "循環バス", "巡回バス", "タクシー",
		"乗り物", "足"}},
	{[]string{"公園", "広場", "遊具"}, []string{"遊び場", "砂場", "ブランコ", "滑り台", "すべり台",
		"グラウンド", "運動場", "芝生", "児童公園", "花壇", "ちびっこ広場"}},
	{[]string{"街灯", "防犯灯", "夜道", "暗がり"}, []string{"暗い", "真っ暗", "薄暗い", "外灯", "明かり",
		"灯り", "電灯", "死角", "帰り道", "不審者", "物騒", "ひったくり"}},
	{[]string{"集会所", "自治会館", "町内会館", "会館", "活動拠点", "活動場所"}, []string{"集会場", "公会堂",
		"会場", "会議室", "部屋", "建物", "施設", "場所", "地区センター", "コミュニティハウス", "拠点"}},
}

// hardBadWords are category words whose presence is the problem (anchorBad).
var hardBadWords = map[string]bool{
	"空き家": true, "空家": true, "空き店舗": true, "空き地": true, "空き部屋": true, "空き室": true,
	"シャッター": true, "シャッター街": true, "古民家": true, "廃屋": true, "廃墟": true, "空き家屋": true,
	"空き物件": true, "空きビル": true, "空地": true, "遊休地": true, "空き住戸": true, "閉店": true,
	"跡地": true, "空き区画": true, "段差": true, "坂": true, "坂道": true, "急坂": true, "上り坂": true,
	"下り坂": true, "暗がり": true, "死角": true, "不審者": true, "でこぼこ": true, "雨漏り": true,
	"暗い": true, "真っ暗": true, "薄暗い": true, "電柱": true, "階段": true, "物騒": true,
	"ひったくり": true,
}

// hardSoftWords are category words that also name a soft program (anchorSoft).
var hardSoftWords = map[string]bool{"居場所": true}

// hardPartWords are parts of facilities (anchorPart).
var hardPartWords = []string{"トイレ", "屋根", "照明", "入り口", "入口", "出入口", "出入り口", "玄関",
	"エレベーター", "設備", "床", "壁", "和室", "雨漏り", "冷暖房", "エアコン", "空調", "駐車場",
	"駐輪場", "水道", "水飲み場", "柵", "フェンス", "日陰", "いす", "椅子", "テーブル", "広さ", "耐震",
	"窓", "扉", "ドア", "スロープ", "庭木", "外壁", "ふた", "蓋", "水はけ", "ベンチ"}

// hardSoftHeads are nouns that end a の chain on something soft: the
// category word then only says where or about what (公園の清掃活動,
// 空き家の活用相談会, 夜道の見守りパトロール).
var hardSoftHeads = map[string]bool{
	"仲間": true, "人": true, "方": true, "方々": true, "皆さん": true, "参加者": true, "担い手": true,
	"活動": true, "教室": true, "講座": true, "行事": true, "イベント": true, "会": true, "相談": true,
	"相談会": true, "勉強会": true, "研修": true, "情報": true, "機会": true, "管理人": true, "パトロール": true,
	"見守り": true, "清掃": true, "掃除": true, "当番": true, "鍵": true, "祭り": true,
	"お祭り": true, "盆踊り": true, "体操": true, "サロン": true, "渡り方": true, "使い方": true,
	"ボランティア": true, "デビュー": true, "こと": true, "話": true, "行き先": true, "交流": true,
	"会議": true, "会合": true, "集まり": true, "練習": true, "ウォーキング": true, "散歩": true,
}

// Predicate words by what they say about their argument (base forms).
var (
	// hardProblemWords report a bad state: broken, dirty, dangerous, steep,
	// dark, far, narrow, old, hard to use.
	hardProblemWords = words("古い", "老朽", "老朽化", "壊れる", "傷む", "痛む", "汚い", "汚れる",
		"狭い", "細い", "暗い", "真っ暗", "薄暗い", "危ない", "危険", "怖い", "こわい", "恐い", "不安",
		"心配", "悪い", "不便", "遠い", "困る", "大変", "つらい", "辛い", "難しい", "きつい", "急",
		"荒れる", "放置", "でこぼこ", "凸凹", "滑る", "消える", "切れる", "外れる", "崩れる", "割れる",
		"ひび割れる", "壊れかける", "寂しい", "さびれる", "見えにくい", "見えづらい", "使いにくい",
		"使いづらい", "歩きにくい", "通りにくい", "入りにくい", "参加しにくい", "上りにくい", "伸び放題",
		"放題", "生い茂る", "散乱", "不法投棄", "雨漏り", "短い", "大きい", "高い", "苦労", "支障",
		"不審", "迷惑", "物騒", "劣化", "腐る", "錆びる", "さびる", "傾く", "陥没", "渋滞", "不衛生",
		"不自由", "断る", "ぼろぼろ", "ボロボロ", "耐震", "不十分", "ほとんど", "閉まる", "閉じる", "止める", "ふさぐ", "塞ぐ", "はみ出す", "ひどい", "酷い", "うるさい",
		"臭い", "くさい", "邪魔", "不潔", "見にくい", "歩きづらい", "荒らす", "穴", "水たまり",
		"負担", "にくい", "づらい", "冠水")
	// hardLackWords report that something is missing or too few; for a
	// word whose presence is the problem (段差がない) they are good news.
	hardLackWords = words("ない", "無い", "なし", "無し", "少ない", "足りない", "不足",
		"減る", "減少", "廃止", "減便", "撤去", "撤退", "なくなる", "無くなる", "しか")
	// hardPresenceWords report that something is there or increasing: the
	// problem for anchorBad words (空き家が増える, 坂が多い).
	hardPresenceWords = words("ある", "多い", "増える", "増加", "目立つ", "残る", "並ぶ", "続く",
		"なる", "広がる", "出る", "進む", "できる", "いる", "住む", "下りる", "降りる", "閉める")
	// hardWishWords ask for something.
	hardWishWords = words("ほしい", "欲しい", "たい", "願う", "お願い", "望む", "求める", "要望", "必要",
		"希望", "要る", "いる・要る")
	// hardFixWords name a physical fix: asked for unless done (設置された).
	hardFixWords = words("設置", "整備", "増設", "改修", "修繕", "補修", "直す", "増やす", "設ける",
		"つける", "付ける", "建て替える", "建替え", "建て替え", "改善", "解消", "新設", "拡幅", "走らせる",
		"明るい", "広げる", "なくす", "無くす", "取り付ける", "活用", "借りる", "使う", "利用", "作る",
		"つくる", "置く", "確保")
	// hardDoneVerbs say a fix was made.
	hardDoneVerbs = words("済む", "済み", "完了")
	// hardWishAfter are the predicates of a wish after a conditional (…があると助かる).
	hardWishAfter = words("助かる", "いい", "よい", "良い", "ありがたい", "有難い", "うれしい", "嬉しい",
		"便利", "安心", "思う")
	// hardGoodStates say a state got better (明るくなった, きれいになった).
	hardGoodStates = words("明るい", "新しい", "きれい", "綺麗", "広い", "便利", "安全", "快適", "良い",
		"よい", "いい", "歩きやすい", "使いやすい", "参加できる")
)

func words(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// A hardMention is one category word (or part word) found in a text.
type hardMention struct {
	cats       []int // categories of the word (none for a part)
	kind       anchorKind
	start, end int // token range, the compound's keep words included
	sent       int // sentence index
}

// hardSentenceEnd reports whether a token ends a sentence: 。！？, line breaks and
// spaces (a progress record joins 課題 and ハード with a full-width space).
func hardSentenceEnd(t tokenizer.Token) bool {
	pos := t.POS()
	if len(pos) >= 2 && pos[0] == "記号" && (pos[1] == "句点" || pos[1] == "空白") {
		return true
	}
	switch strings.TrimSpace(t.Surface) {
	case "。", "！", "？", "!", "?", "":
		return true
	}
	return false
}

func posIs(t tokenizer.Token, p0, p1 string) bool {
	pos := t.POS()
	return len(pos) >= 2 && pos[0] == p0 && (p1 == "" || pos[1] == p1)
}

// isPredicate reports whether token i can head a predicate: a verb or an
// adjective (自立), a 形容動詞 stem, or a predicate word of the lexicon.
func isPredicate(toks []tokenizer.Token, bases []string, i int) bool {
	t := toks[i]
	pos := t.POS()
	if len(pos) < 2 {
		return false
	}
	switch {
	case pos[0] == "動詞" && pos[1] == "自立", pos[0] == "形容詞" && pos[1] == "自立":
		return true
	case pos[0] == "名詞" && pos[1] == "形容動詞語幹":
		return true
	case pos[0] == "副詞" && (hardProblemWords[bases[i]] || hardLackWords[bases[i]]):
		return true
	case pos[0] == "名詞":
		b := bases[i]
		if hardProblemWords[b] || hardLackWords[b] || hardWishWords[b] || hardFixWords[b] {
			return true
		}
	case pos[0] == "助詞" && bases[i] == "しか" && i+1 < len(toks) && (bases[i+1] == "ない" || bases[i+1] == "無い"):
		return true
	}
	return false
}

// A hardPhrase is what a predicate phrase says.
type hardPhrase struct {
	problem, lack, presence, wish, fix, done, negated, verb bool
	nominal                                                 bool // ends in の/こと + が/は: the predicate is an argument
	conj                                                    bool // ends in a conjunctive て without a comma
	end                                                     int  // token after the phrase
}

// readPhrase reads the predicate phrase that starts at token k.
func readPhrase(toks []tokenizer.Token, bases []string, k int) hardPhrase {
	var p hardPhrase
	first := true
	j := k
	for ; j < len(toks); j++ {
		t := toks[j]
		if hardSentenceEnd(t) {
			break
		}
		pos := t.POS()
		if len(pos) < 2 {
			break
		}
		b := bases[j]
		if !first {
			ok := false
			switch {
			case pos[0] == "助動詞":
				ok = true
			case len(pos) >= 2 && (pos[0] == "動詞" || pos[0] == "形容詞") && (pos[1] == "非自立" || pos[1] == "接尾"):
				ok = true
			case pos[0] == "動詞" && (b == "する" || b == "なる" || b == "できる" || b == "しまう"):
				ok = true
			case pos[0] == "名詞" && len(pos) >= 2 && (pos[1] == "接尾" || pos[1] == "サ変接続" && hardFixWords[b]):
				ok = true
			case pos[0] == "形容詞" && (b == "ない" || b == "ほしい" || b == "欲しい"):
				ok = true
			case pos[0] == "助詞" && (b == "て" || b == "で") && len(pos) >= 2 && pos[1] == "接続助詞":
				if j+1 < len(toks) && continuesPhrase(toks[j+1], bases[j+1]) {
					ok = true
				} else {
					p.conj = j+1 < len(toks) && toks[j+1].Surface != "、"
					p.end = j + 1
					return p
				}
			case pos[0] == "助詞" && (b == "は" || b == "も") && p.lack == false && j+1 < len(toks) && (bases[j+1] == "ない" || bases[j+1] == "ある"):
				ok = true // 使えはしない
			}
			if !ok {
				break
			}
		}
		first = false
		switch {
		case (pos[0] == "助動詞" || pos[0] == "形容詞" && j > k) && (b == "ない" || b == "ぬ" || b == "ん"):
			if bases[k] == "しか" {
				p.problem = true // 一本しかない, 階段しかない: too few
			} else {
				p.negated = true
			}
			continue
		case b == "ず":
			p.negated = true
			continue
		case pos[0] == "助動詞" && (b == "た" || b == "だ" || b == "です" || b == "ます"):
			if b == "た" && p.fix && !p.wish {
				p.done = true
			}
			continue
		}
		if pos[0] == "動詞" && pos[1] == "自立" || pos[0] == "形容詞" && pos[1] == "自立" {
			p.verb = p.verb || pos[0] == "動詞"
		}
		switch {
		case hardWishWords[b]:
			p.wish = true
		case (b == "くださる" || b == "下さる") && !(j+1 < len(toks) && bases[j+1] == "た"):
			p.wish = true // 付けてください (くださった is thanks)
		case hardProblemWords[b]:
			p.problem = true
		case hardLackWords[b]:
			p.lack = true
		case hardFixWords[b]:
			p.fix = true
		case hardPresenceWords[b]:
			p.presence = true
		}
		if hardDoneVerbs[b] {
			p.done = true
		}
		if b == "なる" && j > k && hardGoodStates[bases[j-1]] {
			p.done = true // 明るくなった
		}
		if b == "できる" && p.fix && j+1 < len(toks) && bases[j+1] == "た" {
			p.done = true
		}
	}
	p.end = j
	if j+1 < len(toks) && j > k && toks[j].Surface == "よう" && toks[j+1].Surface == "に" {
		p.conj = true // 使えるように整備してほしい
		p.end = j + 2
		return p
	}
	if j < len(toks) && j > k {
		// の/こと + が/は: the clause is an argument of a later predicate
		// (バス停まで歩くのがつらい).
		if (toks[j].Surface == "の" || bases[j] == "こと") && posIs(toks[j], "名詞", "") && j+1 < len(toks) {
			if s := toks[j+1].Surface; s == "が" || s == "は" || s == "も" {
				p.nominal = true
				p.end = j + 2
			}
		}
		// A conditional followed by a wish: …があると助かる, あればいい.
		if posIs(toks[j], "助詞", "") && (bases[j] == "と" || bases[j] == "ば" || bases[j] == "たら" || bases[j] == "なら") {
			for m := j + 1; m < min(j+4, len(toks)); m++ {
				if hardWishAfter[bases[m]] {
					p.wish = true
					break
				}
			}
		}
	}
	return p
}

// continuesPhrase reports whether the token after a て continues the
// predicate (いる, しまう, ほしい, ください, おく, くる).
func continuesPhrase(t tokenizer.Token, base string) bool {
	if posIs(t, "動詞", "非自立") || posIs(t, "形容詞", "非自立") {
		return true
	}
	switch base {
	case "ほしい", "欲しい", "いる", "おる", "しまう", "くださる", "下さる", "もらう", "もらえる", "いただく",
		"いただける", "頂く", "頂ける", "くる", "いく":
		return true
	}
	return false
}

// decide says whether phrase p makes a problem of a mention of kind k.
func (p hardPhrase) decide(k anchorKind) bool {
	if p.done && !p.negated {
		return false
	}
	if p.wish {
		return k != anchorGeneric || p.fix
	}
	if k == anchorBad {
		switch {
		case p.lack:
			return p.negated
		case p.problem:
			return !p.negated
		case p.fix:
			return p.negated
		case p.presence:
			return !p.negated || p.verb
		}
		return p.negated && p.verb
	}
	switch {
	case p.lack:
		return !p.negated
	case p.problem:
		return !p.negated
	case p.fix:
		// 設置されていない: missing; 設置してほしい is a wish (above); a
		// bare 設置 or 整備 (…の整備を) is a call for the fix.
		return p.negated || !p.verb
	}
	return p.negated && p.verb
}

// An anchorWord is a word that can tag a category, or a part word (cat -1).
type anchorWord struct {
	word string
	cat  int
	kind anchorKind
}

// mentions returns the category and part words of a text, with their
// sentences, in text order; a masked token never is one.
func (m *hardMatcher) mentions(toks []tokenizer.Token, bases []string, sp []span) []hardMention {
	var out []hardMention
	sent := 0
	for i := range toks {
		if hardSentenceEnd(toks[i]) {
			sent++
			continue
		}
		var cur *hardMention
		for _, a := range m.candidates(toks[i].Surface, bases[i]) {
			end := m.matchAt(a.word, toks, bases, sp, i)
			if end < 0 {
				continue
			}
			if cur != nil && cur.end >= end && cur.start == i {
				// the same or a longer word already found here: add the
				// category; a part or a bad word keeps that kind (ベンチ is
				// both a 道 keyword and a part of a バス停 or a 広場)
				if a.cat >= 0 && !containsInt(cur.cats, a.cat) {
					cur.cats = append(cur.cats, a.cat)
				}
				if cur.end == end && (a.kind == anchorBad || a.kind == anchorPart && cur.kind != anchorBad) {
					cur.kind = a.kind
				}
				continue
			}
			if cur != nil && cur.end < end {
				cur = nil // a longer word wins (空き家 over 空)
				out = out[:len(out)-1]
			}
			h := hardMention{kind: a.kind, start: i, end: end, sent: sent}
			if a.cat >= 0 {
				h.cats = []int{a.cat}
			}
			out = append(out, h)
			cur = &out[len(out)-1]
		}
	}
	// Drop mentions inside another one (歩道 inside 横断歩道 is one token
	// anyway; 交通 inside 交通の便 is not).
	kept := out[:0]
	for i, h := range out {
		inside := false
		for j, o := range out {
			if i != j && o.start <= h.start && h.end <= o.end && (o.start != h.start || o.end != h.end) {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, h)
		}
	}
	return kept
}

// matchAt returns the token after keyword kw when kw matches at token i as
// the head of its compound (hits), with the keep words that follow it; -1
// otherwise.
func (m *hardMatcher) matchAt(kw string, toks []tokenizer.Token, bases []string, sp []span, i int) int {
	if !strings.HasPrefix(kw, toks[i].Surface) && bases[i] != kw {
		return -1
	}
	end := -1
	if bases[i] == kw || toks[i].Surface == kw {
		end = i + 1
	} else {
		s := ""
		for j := i; j < len(toks); j++ {
			s += toks[j].Surface
			if s == kw {
				end = j + 1
				break
			}
			if !strings.HasPrefix(kw, s) {
				break
			}
		}
	}
	if end < 0 || inSpans(sp, toks[i].Position, toks[end-1].Position+len(toks[end-1].Surface)) {
		return -1
	}
	// The word must not be the tail of a longer compound either: 公園 in
	// 児童公園 is fine (right-headed), but 会 in 自治会 is no 会館.
	if pos := toks[end-1].POS(); len(pos) == 0 || pos[0] != "名詞" {
		return end
	}
	if !headOf(toks, bases, end) {
		return -1
	}
	for end < len(toks) {
		role := compoundRole(toks[end].POS(), toks[end].Surface)
		if role != roleHead && role != roleSuffix {
			break
		}
		end++
	}
	return end
}

// mentionHits reports whether mention h (index hi of ms) is the subject or
// object of a problem or a wish in its sentence.
func mentionHits(toks []tokenizer.Token, bases []string, ms []hardMention, hi int) bool {
	h := ms[hi]
	j := h.end
	n := len(toks)
	// The predicate of the word itself: 閉店した, 真っ暗で, 暗くて.
	if pos := toks[h.end-1].POS(); len(pos) > 1 && (pos[0] != "名詞" || pos[1] == "形容動詞語幹" || pos[1] == "サ変接続" && j < n && bases[j] == "する") {
		p := readPhrase(toks, bases, h.start)
		if h.kind == anchorBad && !p.negated && !p.done {
			return true // 閉店した, 真っ暗で
		}
		return p.decide(h.kind)
	}
	// Follow の chains: 公園の遊具が, 駅までの階段に, タクシーのような仕組み.
	near := h.end > h.start && hardNearWords[bases[h.end-1]]
	for j < n {
		plain := !near // 駅周辺の駐輪場 is near the station, not of it
		if j+1 < n && posIs(toks[j], "助詞", "格助詞") && toks[j+1].Surface == "の" && toks[j].Surface != "の" {
			j++ // までの, からの, への
			plain = false
		}
		if toks[j].Surface != "の" || !posIs(toks[j], "助詞", "") {
			break
		}
		k := j + 1
		if k < n && isPredicate(toks, bases, k) && !posIs(toks[k], "名詞", "") {
			// の as the subject of a relative clause: 階段の多い団地
			p := readPhrase(toks, bases, k)
			return p.decide(h.kind)
		}
		for k < n && (posIs(toks[k], "名詞", "非自立") || posIs(toks[k], "助動詞", "")) {
			k++ // のような
		}
		start := k
		for k < n {
			role := compoundRole(toks[k].POS(), toks[k].Surface)
			if role == roleBreak && !posIs(toks[k], "名詞", "副詞可能") {
				break
			}
			k++
		}
		if k == start {
			return false
		}
		if hardSoftHeads[bases[k-1]] || hardSoftHeads[compoundText(toks, start, k)] {
			return false
		}
		// Another category or part word takes over: it is judged itself,
		// and the container shares its verdict when it is a part or a
		// problem in it (公園のトイレ, 集会所の段差), not when it is only
		// near it (駅からの帰り道, 公園の脇の道).
		for oi, o := range ms {
			if oi != hi && o.start >= start && o.start < k {
				if o.kind == anchorPart || len(o.cats) > 0 && !slices.Equal(o.cats, h.cats) {
					if plain && (o.kind == anchorPart || o.kind == anchorBad) {
						return mentionHits(toks, bases, ms, oi)
					}
					return false
				}
			}
		}
		j = k
	}
	if j >= n || hardSentenceEnd(toks[j]) {
		return false
	}
	part := toks[j]
	pb := bases[j]
	switch {
	case posIs(part, "助詞", "格助詞") && pb == "で" && h.kind != anchorBad:
		return false // the place of an activity (a bad thing with で is a cause: 空き家で困る)
	case posIs(part, "助詞", "格助詞") && len(part.POS()) > 2 && part.POS()[2] == "連語":
		return false // について, として
	case posIs(part, "助詞", "並立助詞") || pb == "や" || pb == "と" && posIs(part, "助詞", "格助詞") && j+1 < n && posIs(toks[j+1], "名詞", ""):
		// ベンチと屋根がほしい: the role of the last of the list.
		k := j + 1
		for k < n && compoundRole(toks[k].POS(), toks[k].Surface) != roleBreak {
			k++
		}
		j = k
	}
	topic := j < n && (bases[j] == "は" || bases[j] == "も")
	// at: the word is where something is (に, には): a problem there is its
	// problem (空き地に草が生い茂る, 点字ブロックの上に自転車が止めてある).
	at := j < n && (bases[j] == "に" || bases[j] == "で" && h.kind == anchorBad) && posIs(toks[j], "助詞", "格助詞")
	// Find the predicate, noting other arguments on the way.
	other := -1 // another argument before the predicate: -1 none, else its mention or -2
	hops := 0
	keepOther := false // a hop made past another argument keeps checking it
	for k := j; k < n; k++ {
		if hardSentenceEnd(toks[k]) {
			return false
		}
		if toks[k].Surface == "、" && other == -1 && !topic {
			// a comma after an argument: the predicate may be far; keep going
		}
		if !isPredicate(toks, bases, k) {
			// an argument: a compound noun followed by が, を, は or も
			if posIs(toks[k], "助詞", "") && k > j {
				if s := bases[k]; s == "が" || s == "を" || s == "は" || s == "も" {
					if compoundRole(toks[k-1].POS(), toks[k-1].Surface) != roleBreak {
						other = argMention(ms, k-1, hi)
					}
				}
			}
			continue
		}
		p := readPhrase(toks, bases, k)
		kind := h.kind
		if other != -1 && (hops == 0 || keepOther) {
			switch {
			case other >= 0 && (ms[other].kind == anchorPart || ms[other].kind == anchorBad) && (at || topic):
				// 集会所にエレベーターがない, 入口に段差がある: the
				// container's problem too
				kind = ms[other].kind
			case other >= 0 && topic && p.problem && !p.lack && !p.wish:
				// 交差点は見通しが悪い: the topic's problem too
			case other >= 0:
				return false // 路地に明かりがない: the light's, judged itself
			case topic && !p.wish && (p.problem || p.lack):
				// 会館の和室は正座がつらい
			case at && p.problem && !p.negated:
			case p.nominal || p.conj:
				// 道路に穴があいていて危ない: the argument's verb, then
				// the problem; read on with the same argument
				if hops < 2 {
					hops++
					keepOther = true
					k = p.end - 1
					continue
				}
				return false
			default:
				return false
			}
		}
		if p.decide(kind) {
			return true
		}
		if (p.nominal || p.conj) && hops < 2 {
			hops++
			k = p.end - 1
			if !keepOther {
				other = -1
			}
			continue
		}
		return false
	}
	return false
}

// argMention returns the mention (other than hi) whose compound ends at
// token k, or -2 for an argument that is none.
func argMention(ms []hardMention, k, hi int) int {
	for i, m := range ms {
		if i != hi && m.start <= k && k < m.end {
			return i
		}
	}
	return -2
}

func compoundText(toks []tokenizer.Token, a, b int) string {
	var s strings.Builder
	for _, t := range toks[a:b] {
		s.WriteString(t.Surface)
	}
	return s.String()
}

// hardAchievementKind reports whether an item or column named name reports
// results (成果, 主な成果, 実施内容, 実績): its texts are never tagged.
func hardAchievementKind(name string) bool {
	for _, w := range []string{"成果", "実施内容", "実績", "取り組んだこと", "よかったこと", "良かったこと"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// hardNearWords end a compound that says near a place, not in it.
var hardNearWords = map[string]bool{"周辺": true, "付近": true, "周り": true, "沿い": true}

// containerOf reports whether mention o holds part p: o comes right before
// p, joined by の, に, は or も (公園内のトイレ, 集会所にエレベーター).
func containerOf(toks []tokenizer.Token, o, p hardMention) bool {
	if len(o.cats) == 0 || o.end > p.start || p.start-o.end > 2 || p.start == o.end {
		return false
	}
	if o.end > 0 && hardNearWords[toks[o.end-1].Surface] {
		return false
	}
	for _, t := range toks[o.end:p.start] {
		switch t.Surface {
		case "の", "に", "は", "も":
		default:
			return false
		}
	}
	return true
}

// achievementSpans returns the byte ranges of s under a heading in 【】
// that reports results (【主な成果】…, up to the next 【 or the end): a
// text that mixes 課題 and 成果 is tagged on its 課題 only.
func achievementSpans(s string) []span {
	var out []span
	for off := 0; ; {
		i := strings.Index(s[off:], "【")
		if i < 0 {
			return out
		}
		i += off
		j := strings.Index(s[i:], "】")
		if j < 0 {
			return out
		}
		j += i
		next := strings.Index(s[j:], "【")
		end := len(s)
		if next >= 0 {
			end = j + next
		}
		if hardAchievementKind(s[i:j]) {
			out = append(out, span{i, end})
		}
		off = j
	}
}

// candidates returns the words that may match at a token with surface sf
// and base form base: those starting with the first rune of either, longest
// first (m.byRune).
func (m *hardMatcher) candidates(sf, base string) []anchorWord {
	r1, _ := utf8.DecodeRuneInString(sf)
	r2, _ := utf8.DecodeRuneInString(base)
	if r1 == r2 || base == "" {
		return m.byRune[r1]
	}
	a, b := m.byRune[r1], m.byRune[r2]
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]anchorWord, 0, len(a)+len(b))
	out = append(append(out, a...), b...)
	slices.SortStableFunc(out, func(x, y anchorWord) int {
		return utf8.RuneCountInString(y.word) - utf8.RuneCountInString(x.word)
	})
	return out
}
