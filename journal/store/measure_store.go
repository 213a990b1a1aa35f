package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// SaveMeasurement scores answers for an instrument and stores them with
// the answer to its last question; bad answers store nothing.
func (s *Store) SaveMeasurement(in journal.Instrument, answers []int, difficulty journal.Difficulty, at time.Time) (journal.Measurement, error) {
	result, err := in.Score(answers)
	if err != nil {
		return journal.Measurement{}, err
	}
	if err := difficulty.Check(); err != nil {
		return journal.Measurement{}, err
	}
	m := journal.Measurement{At: at, Result: result, Difficulty: difficulty}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		id, err := nextID(tx, "measures")
		if err != nil {
			return err
		}
		m.ID = id
		_, offset := at.Zone()
		return tx.Exec("INSERT INTO measures (id, instrument, at, at_offset, answers, score, difficulty) VALUES (?, ?, ?, ?, ?, ?, ?)",
			id, in.ID, at.Unix(), offset, journal.FormatAnswers(answers), result.Score, columnOf(difficulty)).Error
	})
	return m, internal("save the questionnaire", err)
}

// Measurements lists an instrument's answers, oldest first, scored again
// from the stored answers so the bands always follow this version.
func (s *Store) Measurements(in journal.Instrument) ([]journal.Measurement, error) {
	var rows []struct {
		ID, At     int64
		AtOffset   int
		Answers    string
		Difficulty *int
	}
	if err := s.db.Raw("SELECT id, at, at_offset, answers, difficulty FROM measures WHERE instrument = ? ORDER BY at, id", in.ID).Scan(&rows).Error; err != nil {
		return nil, internal("read the questionnaires", err)
	}
	out := make([]journal.Measurement, 0, len(rows))
	for _, r := range rows {
		answers, err := journal.ParseAnswers(r.Answers)
		if err != nil {
			return nil, internal("read a stored questionnaire", err)
		}
		result, err := in.Score(answers)
		if err != nil {
			return nil, internal("score a stored questionnaire", err)
		}
		out = append(out, journal.Measurement{ID: r.ID, At: time.Unix(r.At, 0).In(time.FixedZone("", r.AtOffset)), Result: result,
			Difficulty: difficultyColumn(r.Difficulty)})
	}
	return out, nil
}
