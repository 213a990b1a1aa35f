package store

import (
	"slices"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// saveCategories records an episode's CCRT categories. Names are
// journal's fixed lists, not free text, so they are stored as they are.
func saveCategories(tx *gorm.DB, episode int64, c journal.CCRT) error {
	for _, comp := range journal.Components {
		for _, name := range c.Of(comp) {
			if err := tx.Exec("INSERT INTO episode_categories (episode_id, component, category) VALUES (?, ?, ?)", episode, comp, name).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// categoriesFor adds the stored categories of the episodes in ids to
// the CCRT into returns for each, in the order of journal's lists. It
// reads through db, so a snapshot reads within its transaction.
func categoriesFor(db *gorm.DB, ids []int64, into func(id int64) *journal.CCRT) error {
	for start := 0; start < len(ids); start += linkChunk {
		var rows []struct {
			EpisodeID           int64
			Component, Category string
		}
		if err := db.Raw("SELECT episode_id, component, category FROM episode_categories WHERE episode_id IN ?",
			ids[start:min(start+linkChunk, len(ids))]).Scan(&rows).Error; err != nil {
			return internal("read the episodes' categories", err)
		}
		for _, r := range rows {
			c := into(r.EpisodeID)
			switch journal.Component(r.Component) {
			case journal.WishComponent:
				c.Wishes = append(c.Wishes, r.Category)
			case journal.OtherComponent:
				c.Other.Categories = append(c.Other.Categories, r.Category)
			default:
				c.Self.Categories = append(c.Self.Categories, r.Category)
			}
		}
	}
	for _, id := range ids {
		c := into(id)
		for _, comp := range journal.Components {
			inListOrder(comp, c.Of(comp))
		}
	}
	return nil
}

// inListOrder sorts names as comp lists its categories.
func inListOrder(comp journal.Component, names []string) {
	list := comp.Categories()
	slices.SortFunc(names, func(a, b string) int { return slices.Index(list, a) - slices.Index(list, b) })
}

// Episodes lists every episode with the entry it belongs to, oldest
// entry first, for the CCRT summary and `episode list`.
func (s *Store) Episodes() ([]journal.PersonEpisode, error) {
	var rows []episodeRow
	if err := s.db.Raw(episodeSelect + "JOIN entries e ON e.id = ep.entry_id ORDER BY e.written_at, e.id, ep.position").Scan(&rows).Error; err != nil {
		return nil, internal("read the episodes", err)
	}
	episodes, err := s.openEpisodes(rows)
	if err != nil {
		return nil, err
	}
	out := make([]journal.PersonEpisode, len(rows))
	entries := map[int64]journal.Entry{}
	for i, r := range rows {
		e, ok := entries[r.EntryID]
		if !ok {
			if e, err = s.Entry(r.EntryID); err != nil {
				return nil, err
			}
			entries[r.EntryID] = e
		}
		out[i] = journal.PersonEpisode{Episode: episodes[i], EntryID: e.ID, EntryTitle: e.DisplayTitle(), WrittenAt: e.WrittenAt}
	}
	return out, nil
}
