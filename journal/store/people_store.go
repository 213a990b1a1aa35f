package store

import (
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

func (s *Store) openPerson(p *journal.Person) error {
	seal := sealer{codec: s.codec, table: "people", id: p.ID}
	p.Name = seal.open("name", p.Name)
	return seal.err
}

// personRow is a person as stored: aliases one a line, sealed.
type personRow struct {
	ID                  int64
	Name, Role, Aliases string
}

// People lists everyone in the journal, in the order they were added.
func (s *Store) People() ([]journal.Person, error) {
	var rows []personRow
	if err := s.db.Raw("SELECT id, name, role, aliases FROM people ORDER BY id").Scan(&rows).Error; err != nil {
		return nil, internal("read the people", err)
	}
	out := make([]journal.Person, len(rows))
	for i, r := range rows {
		seal := sealer{codec: s.codec, table: "people", id: r.ID}
		out[i] = journal.Person{ID: r.ID, Name: seal.open("name", r.Name), Role: journal.Role(r.Role), Aliases: splitAliases(seal.open("aliases", r.Aliases))}
		if seal.err != nil {
			return nil, seal.err
		}
	}
	return out, nil
}

func splitAliases(stored string) []string {
	if stored == "" {
		return nil
	}
	return strings.Split(stored, "\n")
}

// personTaken refuses a name another person has, ignoring case.
func (s *Store) personTaken(tx *gorm.DB, name string, except int64) error {
	var taken int64
	if err := tx.Raw("SELECT COUNT(*) FROM people WHERE name_key = ? AND id != ?", s.nameKey(name), except).Scan(&taken).Error; err != nil {
		return err
	}
	if taken > 0 {
		return journal.Errorf(journal.EInvalid, "“%s” is already in your people list (names match ignoring case). Use a different name or initials to tell two people apart.", name)
	}
	return nil
}

// AddPerson adds someone to the people list. Names are unique ignoring
// case, so "Mum" and "mum" are one person.
func (s *Store) AddPerson(p journal.Person) (journal.Person, error) {
	if err := p.Validate(); err != nil {
		return journal.Person{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.personTaken(tx, p.Name, 0); err != nil {
			return err
		}
		id, err := s.insertPerson(tx, p)
		p.ID = id
		return err
	})
	return p, internal("add the person", err)
}

// UpdatePerson renames someone or changes who they are to the writer;
// their episodes follow.
func (s *Store) UpdatePerson(p journal.Person) (journal.Person, error) {
	if err := p.Validate(); err != nil {
		return journal.Person{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.personTaken(tx, p.Name, p.ID); err != nil {
			return err
		}
		seal := sealer{codec: s.codec, table: "people", id: p.ID}
		name, aliases := seal.seal("name", p.Name), seal.seal("aliases", strings.Join(p.Aliases, "\n"))
		if seal.err != nil {
			return seal.err
		}
		res := tx.Exec("UPDATE people SET name = ?, name_key = ?, role = ?, aliases = ? WHERE id = ?", name, s.nameKey(p.Name), p.Role, aliases, p.ID)
		if res.Error == nil && res.RowsAffected == 0 {
			return journal.Errorf(journal.ENotFound, "There is no person %d. `throughline person list` shows them.", p.ID)
		}
		return res.Error
	})
	return p, internal("change the person", err)
}

// PersonNamed finds someone by name, ignoring case and spacing.
func (s *Store) PersonNamed(name string) (journal.Person, error) {
	people, err := s.People()
	if err != nil {
		return journal.Person{}, err
	}
	for _, p := range people {
		if journal.NameKey(p.Name) == journal.NameKey(name) {
			return p, nil
		}
	}
	return journal.Person{}, journal.Errorf(journal.ENotFound, "There is no one called “%s” in your people list. `throughline person list` shows them.", journal.CleanName(name))
}

func (s *Store) insertPerson(tx *gorm.DB, p journal.Person) (int64, error) {
	id, err := nextID(tx, "people")
	if err != nil {
		return 0, err
	}
	seal := sealer{codec: s.codec, table: "people", id: id}
	name, aliases := seal.seal("name", p.Name), seal.seal("aliases", strings.Join(p.Aliases, "\n"))
	if seal.err != nil {
		return 0, seal.err
	}
	return id, tx.Exec("INSERT INTO people (id, name, name_key, role, aliases) VALUES (?, ?, ?, ?, ?)", id, name, s.nameKey(p.Name), p.Role, aliases).Error
}

// personID finds a person by name, adding them (role other) when they
// aren't in the list yet, as typing a new name in an episode means.
func (s *Store) personID(tx *gorm.DB, name string) (int64, error) {
	var found []int64
	if err := tx.Raw("SELECT id FROM people WHERE name_key = ?", s.nameKey(name)).Scan(&found).Error; err != nil {
		return 0, err
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return s.insertPerson(tx, journal.Person{Name: name, Role: "other"})
}

// saveEpisodes replaces an entry's episodes with e.Episodes.
func (s *Store) saveEpisodes(tx *gorm.DB, e journal.Entry) error {
	if err := tx.Exec("DELETE FROM episodes WHERE entry_id = ?", e.ID).Error; err != nil {
		return err
	}
	for i, ep := range e.Episodes {
		id, err := nextID(tx, "episodes")
		if err != nil {
			return err
		}
		who, err := s.personID(tx, ep.Person)
		if err != nil {
			return err
		}
		var earlier *int64
		if ep.EarlierPerson != "" {
			id, err := s.personID(tx, ep.EarlierPerson)
			if err != nil {
				return err
			}
			earlier = &id
		}
		seal := sealer{codec: s.codec, table: "episodes", id: id}
		wish, other, self, reminds := seal.seal("wish", ep.Wish), seal.seal("other_response", ep.OtherResponse),
			seal.seal("self_response", ep.SelfResponse), seal.seal("reminds", ep.Reminds)
		if seal.err != nil {
			return seal.err
		}
		c := ep.CCRT
		if err := tx.Exec(`INSERT INTO episodes (id, entry_id, position, person_id, wish, other_response, self_response, reminds, earlier_person_id,
			other_expected, other_valence, self_expected, self_valence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, e.ID, i, who, wish, other, self, reminds, earlier, c.Other.Expected, c.Other.Valence, c.Self.Expected, c.Self.Valence).Error; err != nil {
			return err
		}
		if err := saveCategories(tx, id, c); err != nil {
			return err
		}
		if err := s.linkNames(tx, "episode", id, ep.Emotions, ep.Patterns); err != nil {
			return err
		}
	}
	return nil
}

// episodeRow is an episode as stored, with its people's sealed names.
type episodeRow struct {
	ID, EntryID                                int64
	PersonID, EarlierPersonID                  *int64
	Wish, OtherResponse, SelfResponse, Reminds string
	PersonName, EarlierName                    *string
	OtherExpected, SelfExpected                bool
	OtherValence, SelfValence                  string
}

const episodeSelect = `SELECT ep.id, ep.entry_id, ep.person_id, ep.earlier_person_id, ep.wish, ep.other_response,
	ep.self_response, ep.reminds, p.name AS person_name, q.name AS earlier_name,
	ep.other_expected, ep.other_valence, ep.self_expected, ep.self_valence
	FROM episodes ep LEFT JOIN people p ON p.id = ep.person_id LEFT JOIN people q ON q.id = ep.earlier_person_id `

// openEpisodes turns stored rows into episodes with their names.
func (s *Store) openEpisodes(rows []episodeRow) ([]journal.Episode, error) {
	out := make([]journal.Episode, len(rows))
	index := map[int64]int{}
	var ids []int64
	for i, r := range rows {
		seal := sealer{codec: s.codec, table: "episodes", id: r.ID}
		ep := journal.Episode{ID: r.ID, Wish: seal.open("wish", r.Wish), OtherResponse: seal.open("other_response", r.OtherResponse),
			SelfResponse: seal.open("self_response", r.SelfResponse), Reminds: seal.open("reminds", r.Reminds),
			CCRT: journal.CCRT{Other: journal.Response{Expected: r.OtherExpected, Valence: journal.Valence(r.OtherValence)},
				Self: journal.Response{Expected: r.SelfExpected, Valence: journal.Valence(r.SelfValence)}}}
		if seal.err != nil {
			return nil, seal.err
		}
		for _, name := range []struct {
			id     *int64
			stored *string
			into   *string
		}{{r.PersonID, r.PersonName, &ep.Person}, {r.EarlierPersonID, r.EarlierName, &ep.EarlierPerson}} {
			if name.id == nil || name.stored == nil {
				continue
			}
			p := journal.Person{ID: *name.id, Name: *name.stored}
			if err := s.openPerson(&p); err != nil {
				return nil, err
			}
			*name.into = p.Name
		}
		out[i], index[r.ID] = ep, i
		ids = append(ids, r.ID)
	}
	if err := categoriesFor(s.db, ids, func(id int64) *journal.CCRT { return &out[index[id]].CCRT }); err != nil {
		return nil, err
	}
	err := s.namesFor("episode", ids, func(id int64, vocabulary, name string) {
		ep := &out[index[id]]
		if vocabulary == "emotions" {
			ep.Emotions = append(ep.Emotions, name)
		} else {
			ep.Patterns = append(ep.Patterns, name)
		}
	})
	return out, err
}

// EpisodesWith lists the episodes that involve a person, as the one it
// was with or the one from earlier in life, newest entry first.
func (s *Store) EpisodesWith(personID int64) ([]journal.PersonEpisode, error) {
	var rows []episodeRow
	if err := s.db.Raw(episodeSelect+"JOIN entries e ON e.id = ep.entry_id WHERE ep.person_id = ? OR ep.earlier_person_id = ? ORDER BY e.written_at DESC, ep.position",
		personID, personID).Scan(&rows).Error; err != nil {
		return nil, internal("read the person's episodes", err)
	}
	episodes, err := s.openEpisodes(rows)
	if err != nil {
		return nil, err
	}
	out := make([]journal.PersonEpisode, len(rows))
	for i, r := range rows {
		e, err := s.Entry(r.EntryID)
		if err != nil {
			return nil, err
		}
		out[i] = journal.PersonEpisode{Episode: episodes[i], EntryID: e.ID, EntryTitle: e.DisplayTitle(), WrittenAt: e.WrittenAt,
			Earlier: r.PersonID == nil || *r.PersonID != personID}
	}
	return out, nil
}
