package pdf

import (
	"io"
	"strconv"
	"strings"

	"midreview/render/view"
)

// LinkageFile is the path of the urban-development handout inside OUT.
const LinkageFile = "linkage.pdf"

// LinkagePDF writes linkage.pdf: the chapter ソフトとハードの連携 alone, for the
// urban-development side: how to read it and the programs by category, the
// ward's overview, then one section per district that a ward's town-planning
// section can forward as it is.
func LinkagePDF(w io.Writer, v *view.View, o PDFOptions) error {
	o.linkage = true
	return writePDF(w, v, "", o)
}

// phraseLines breaks s before it is wrapped in a table cell of width w: after
// 、 and ・ and at spaces, before （ and after ）, the places where a Japanese
// name of a category, program, department or source with its districts may
// break, so that 空き家・空き店舗 reads 空き家・ / 空き店舗, 都市整備局 地域交通課
// breaks at the space rather than inside a word and 団体ヒアリング（中央、南）
// before its bracket. Phrases are packed greedily; a phrase wider than w is left to
// wrapText. measure measures in the cell's font.
func phraseLines(s string, w float64, measure func(string) float64) string {
	if measure(s) <= w {
		return s
	}
	var phrases []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '（':
			// before an opening bracket: 団体ヒアリング / （中央、南）, not
			// 団体ヒアリング（中 / 央、 / 南） (reader review 5, item 13)
			if i > start {
				phrases = append(phrases, string(rs[start:i]))
				start = i
			}
		case '、', '・', '）':
			phrases = append(phrases, string(rs[start:i+1]))
			start = i + 1
		case ' ', '　':
			phrases = append(phrases, string(rs[start:i+1]))
			start = i + 1
		}
	}
	phrases = append(phrases, string(rs[start:]))
	var lines []string
	cur := ""
	for _, p := range phrases {
		if cur != "" && measure(strings.TrimRight(cur+p, " 　")) > w {
			lines = append(lines, strings.TrimRight(cur, " 　"))
			cur = ""
		}
		cur += p
	}
	return strings.Join(append(lines, strings.TrimRight(cur, " 　")), "\n")
}

// phraseHead and phraseCell break a table header or body cell of width w
// (mm, with padding) at phrases (phraseLines) in the font table prints it.
// Note: phraseHead breaks a head once per handout (d.heads); the tables of
// counts by district, by source and by year share their heads.
func (d *pdfDoc) phraseHead(s string, w, size float64) string {
	key := s + "\x00" + strconv.FormatFloat(w, 'g', -1, 64) + "\x00" + strconv.FormatFloat(size, 'g', -1, 64)
	if h, ok := d.heads[key]; ok {
		return h
	}
	d.font("B", size-0.5)
	h := phraseLines(s, w-2*cellPad, d.width)
	if d.heads == nil {
		d.heads = map[string]string{}
	}
	d.heads[key] = h
	return h
}

func (d *pdfDoc) phraseCell(s string, w, size float64) string {
	d.font("", size)
	return phraseLines(s, w-2*cellPad, d.width)
}
