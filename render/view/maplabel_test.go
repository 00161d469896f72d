package view

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// rectDistrict is a rectangular district from x0, y0 to x1, y1 (pixels).
func rectDistrict(name string, x0, y0, x1, y1 float64) MapDistrict {
	return MapDistrict{Name: name, Rings: [][]MapPoint{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}},
		LabelX: (x0 + x1) / 2, LabelY: (y0 + y1) / 2}
}

func TestPoleOfInaccessibility(t *testing.T) {
	sq := [][]MapPoint{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}}
	if x, y, d := poleOfInaccessibility(sq, 0.5); math.Abs(x-50) > 1 || math.Abs(y-50) > 1 || math.Abs(d-50) > 1 {
		t.Errorf("square: %v %v %v", x, y, d)
	}
	// an L: the pole is in the wide foot, not at the bend's centroid
	l := [][]MapPoint{{{0, 0}, {20, 0}, {20, 80}, {100, 80}, {100, 120}, {0, 120}}}
	x, y, d := poleOfInaccessibility(l, 0.5)
	if !insideRings(l, x, y) || d < 19 || y < 80 {
		t.Errorf("L: %v %v %v", x, y, d)
	}
	// a square with a hole in the middle: the pole is off the hole
	holed := [][]MapPoint{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, {{30, 30}, {30, 70}, {70, 70}, {70, 30}}}
	if x, y, _ := poleOfInaccessibility(holed, 0.5); !insideRings(holed, x, y) {
		t.Errorf("holed: %v %v in the hole", x, y)
	}
	if _, _, d := poleOfInaccessibility([][]MapPoint{{{0, 0}, {10, 0}}}, 0.5); d >= 0 {
		t.Error("a line has a pole")
	}
}

// checkLabels checks labels placed on mv with lm: boxes inside the drawing
// and apart, each tied to its district (inside it, covering its pole, a
// leader line or a key number).
func checkLabels(t *testing.T, mv *MapView, lm LabelMetrics, ls []MapLabel) {
	t.Helper()
	var boxes [][4]float64
	var names []string
	for j, l := range ls {
		if l.Key > 0 {
			continue
		}
		b := lm.box(l.X, l.Y, lm.Width(mv.Districts[j].Name))
		if b[0] < 0 || b[1] < 0 || b[2] > float64(mv.Width) || b[3] > float64(mv.Height) {
			t.Errorf("%s: label %v outside the drawing", mv.Districts[j].Name, b)
		}
		for k, o := range boxes {
			if b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3] {
				t.Errorf("labels of %s and %s overlap", mv.Districts[j].Name, names[k])
			}
		}
		covers := l.AX >= b[0] && l.AX <= b[2] && l.AY >= b[1] && l.AY <= b[3]
		if !boxInside(mv.Districts[j].Rings, b) && !covers && !l.Leader {
			t.Errorf("%s: label off its district without a leader", mv.Districts[j].Name)
		}
		boxes, names = append(boxes, b), append(names, mv.Districts[j].Name)
	}
}

func TestPlaceLabels(t *testing.T) {
	lm := webLabelMetrics
	t.Run("a roomy district: at its pole, inside", func(t *testing.T) {
		mv := &MapView{Width: 200, Height: 200, Districts: []MapDistrict{rectDistrict("北", 0, 0, 200, 200)}}
		ls := PlaceLabels(mv, lm, nil)
		// the box centred on the pole (100, 100): name line half a line above
		if l := ls[0]; math.Abs(l.X-100) > 1 || math.Abs(l.Y-(100-lm.Line/2)) > 1 || l.Leader || l.Key != 0 {
			t.Errorf("%+v", l)
		}
	})
	t.Run("neighbours whose centred labels would overlap", func(t *testing.T) {
		// two 50×120 districts side by side; a label 5 CJK wide (64 px) at
		// each centre (25 and 75) would overlap by 14 px
		mv := &MapView{Width: 100, Height: 120, Districts: []MapDistrict{
			rectDistrict("新吉田東町", 0, 0, 50, 120), rectDistrict("新吉田西町", 50, 0, 100, 120)}}
		ls := PlaceLabels(mv, lm, [][]string{{"12.5"}, {"40.0"}})
		checkLabels(t, mv, lm, ls)
		if ls[0].Y == ls[1].Y && ls[0].Key == 0 && ls[1].Key == 0 {
			t.Errorf("both labels on one line: %+v", ls)
		}
	})
	t.Run("a crowd of narrow districts", func(t *testing.T) {
		mv := &MapView{Width: 120, Height: 160}
		for i := range 10 {
			x := float64(i * 12)
			mv.Districts = append(mv.Districts, rectDistrict(fmt.Sprintf("新吉田あすなろ%d", i), x, 0, x+12, 160))
		}
		ls := PlaceLabels(mv, lm, nil)
		checkLabels(t, mv, lm, ls)
		keys := 0
		for _, l := range ls {
			if l.Key > 0 {
				keys++
				if l.Key != keys {
					t.Errorf("key %d after %d", l.Key, keys-1)
				}
			}
		}
		if keys == 0 {
			t.Error("ten labels of 100 px fit in a drawing 120 px wide")
		}
		if again := PlaceLabels(mv, lm, nil); !reflect.DeepEqual(ls, again) {
			t.Error("placement differs between runs")
		}
	})
}

// TestPlaceLabelsRandom places labels on random (even self-intersecting)
// polygons: no panic, and the placement rules hold.
func TestPlaceLabelsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 40 {
		mv := &MapView{Width: 300, Height: 200}
		for k := range 1 + n%9 {
			var ring []MapPoint
			for range 3 + r.IntN(8) {
				ring = append(ring, MapPoint{r.Float64() * 300, r.Float64() * 200})
			}
			mv.Districts = append(mv.Districts, MapDistrict{Name: fmt.Sprintf("地区%d", k), Rings: [][]MapPoint{ring},
				LabelX: ring[0].X, LabelY: ring[0].Y})
		}
		checkLabels(t, mv, webLabelMetrics, PlaceLabels(mv, webLabelMetrics, nil))
	}
}
