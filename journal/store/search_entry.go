package store

import "github.com/throughline/throughline/journal"

// EntryMatches is one entry's whole text with the words a search matched
// marked, for showing the entry where the search found it.
type EntryMatches struct {
	Title    Highlighted
	Body     Highlighted
	Episodes Highlighted // the episodes' text, a line a part
}

// HighlightEntry marks where text, a search as Search takes it, matches
// entry id, by the index Search used, so the marks are the ones that
// found it. An entry the words don't match comes back unmarked.
func (s *Store) HighlightEntry(id int64, text string) (EntryMatches, error) {
	expr, loose := journal.FTSQuery(text)
	if expr == "" {
		expr = journal.FTSWords(text)
	}
	var rows []struct{ Title, Body, Episodes string }
	run := func(expr string) error {
		return s.db.Raw("SELECT highlight(search_index, 0, '"+markOpen+"', '"+markClose+"') AS title, "+
			"highlight(search_index, 1, '"+markOpen+"', '"+markClose+"') AS body, "+
			"highlight(search_index, 2, '"+markOpen+"', '"+markClose+"') AS episodes "+
			"FROM search_index WHERE search_index MATCH ? AND rowid = ?", expr, id).Scan(&rows).Error
	}
	var err error
	if expr != "" {
		err = run(expr)
		if err != nil && !loose {
			if words := journal.FTSWords(text); words != "" {
				err = run(words)
			}
		}
	}
	if err != nil {
		return EntryMatches{}, internal("mark the search's words in the entry", err)
	}
	if len(rows) == 1 {
		return EntryMatches{Title: parseHighlighted(rows[0].Title), Body: parseHighlighted(rows[0].Body), Episodes: parseHighlighted(rows[0].Episodes)}, nil
	}
	// No match (no words, or the entry changed since): its text, unmarked.
	if err := s.db.Raw("SELECT title, body, episodes FROM search_index WHERE rowid = ?", id).Scan(&rows).Error; err != nil {
		return EntryMatches{}, internal("read the entry", err)
	}
	if len(rows) == 0 {
		return EntryMatches{}, journal.Errorf(journal.ENotFound, "That entry is no longer in the journal. Search again to see what is.")
	}
	return EntryMatches{Title: Highlighted{{Text: rows[0].Title}}, Body: Highlighted{{Text: rows[0].Body}}, Episodes: Highlighted{{Text: rows[0].Episodes}}}, nil
}
