package journal

import "testing"

func TestFeelingFor(t *testing.T) {
	var starter []string
	for _, e := range StarterEmotions {
		starter = append(starter, e.Name)
	}
	for _, c := range []struct {
		tag, want string
	}{
		{"anxious", "anxious"}, {"Anxiety", "anxious"}, {"#anxieties", "anxious"}, {"feeling anxious", "anxious"},
		{"ashamed", "ashamed"}, {"shame", "ashamed"}, {"SHAME", "ashamed"},
		{"angry", "angry"}, {"anger", "angry"},
		{"sad", "sad"}, {"sadness", "sad"},
		{"guilty", "guilty"}, {"guilt", "guilty"},
		{"lonely", "lonely"}, {"loneliness", "lonely"},
		{"afraid", "afraid"}, {"fear", "afraid"}, {"fears", "afraid"}, {"scared", "afraid"},
		{"jealous", "jealous"}, {"jealousy", "jealous"},
		{"hopelessness", "hopeless"}, {"emptiness", "empty"}, {"happiness", "happy"},
		{"worries", "worried"}, {"frustration", "frustrated"}, {"cared_for", "cared for"},
		{"Overwhelm", "overwhelmed"}, {"grief", "grieving"}, {"pride", "proud"},
		// Not feelings, or not as a whole.
		{"people-pleasing", ""}, {"anger turned inward", ""}, {"fear of abandonment", ""},
		{"work", ""}, {"sleep", ""}, {"", ""}, {"ness", ""}, {"s", ""}, {"anxiousness", "anxious"},
	} {
		got, ok := FeelingFor(c.tag, starter)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("FeelingFor(%q) = %q, %v; want %q", c.tag, got, ok, c.want)
		}
	}
}

// A person's own emotion word is found from the other forms too.
func TestFeelingFor_OwnWords(t *testing.T) {
	own := []string{"Anxiety", "overjoyed", "tristeza"}
	for tag, want := range map[string]string{"anxious": "Anxiety", "anxieties": "Anxiety", "Overjoyed": "overjoyed", "TRISTEZA": "tristeza", "joy": ""} {
		if got, _ := FeelingFor(tag, own); got != want {
			t.Errorf("FeelingFor(%q) = %q, want %q", tag, got, want)
		}
	}
}
