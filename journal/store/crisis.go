package store

import (
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// SetCrisisLines keeps where the person lives (a CrisisRegions ID,
// RegionElsewhere, or "" for not said) and their own line, together. A
// place this version doesn't know is refused and nothing changes.
func (s *Store) SetCrisisLines(region, own string) error {
	region = strings.ToLower(strings.TrimSpace(region))
	if _, ok := journal.CrisisRegionByID(region); !ok && region != "" && region != journal.RegionElsewhere {
		var ids []string
		for _, r := range journal.CrisisRegions {
			ids = append(ids, r.ID+" ("+r.Name+")")
		}
		return journal.Errorf(journal.EInvalid, "%q is not a place Throughline has crisis lines for. Use one of %s, or %s and give your local line. Nothing was changed.",
			region, strings.Join(ids, ", "), journal.RegionElsewhere)
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for key, value := range map[string]string{journal.SettingCrisisRegion: region, journal.SettingCrisisLine: strings.TrimSpace(own)} {
			if err := setSetting(tx, key, value); err != nil {
				return err
			}
		}
		return nil
	})
	return internal("save the crisis lines", err)
}
