package journal

import (
	"strings"
	"testing"
)

func TestParseDifficulty(t *testing.T) {
	for _, tt := range []struct {
		in    string
		want  Difficulty
		words string
		err   string
	}{
		{"", NoDifficulty, "", ""},
		{"  ", NoDifficulty, "", ""},
		{"0", DifficultyAnswer(0), "Not difficult at all", ""},
		{" 2 ", DifficultyAnswer(2), "Very difficult", ""},
		{"3", DifficultyAnswer(3), "Extremely difficult", ""},
		{"4", NoDifficulty, "", "4 is not one of the answers"},
		{"-1", NoDifficulty, "", "-1 is not one of the answers"},
		{"very", NoDifficulty, "", `"very" is not a number`},
	} {
		got, err := ParseDifficulty(tt.in)
		if tt.err != "" {
			if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "3 (Extremely difficult)") {
				t.Errorf("ParseDifficulty(%q) = %v, %v; want an error saying %q and the answers", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want || got.String() != tt.words {
			t.Errorf("ParseDifficulty(%q) = %v (%q), %v; want %v (%q)", tt.in, got, got.String(), err, tt.want, tt.words)
		}
	}
}
