package store

import "github.com/throughline/throughline/journal"

// columnOf is the answer as the measures table keeps it: the option, or
// NULL for none.
func columnOf(d journal.Difficulty) *int {
	if !d.Answered() {
		return nil
	}
	option := d.Option()
	return &option
}

// difficultyColumn reads the measures table's column back.
func difficultyColumn(option *int) journal.Difficulty {
	if option == nil {
		return journal.NoDifficulty
	}
	return journal.DifficultyAnswer(*option)
}
