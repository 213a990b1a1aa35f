package store

import (
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestStore_MeasurementKeepsTheDifficultyAnswer(t *testing.T) {
	s := mustOpen(t)
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	if _, err := s.SaveMeasurement(journal.PHQ9, make([]int, 9), journal.DifficultyAnswer(1), at); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveMeasurement(journal.PHQ9, make([]int, 9), journal.NoDifficulty, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveMeasurement(journal.PHQ9, make([]int, 9), journal.DifficultyAnswer(4), at); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("a difficulty of 4 was taken: %v", err)
	}
	got, err := s.Measurements(journal.PHQ9)
	if err != nil || len(got) != 2 || got[0].Difficulty.String() != "Somewhat difficult" || got[1].Difficulty.Answered() {
		t.Fatalf("measurements = %+v, %v", got, err)
	}
}
