package store

import (
	"fmt"

	"gorm.io/gorm"
)

// convertContent is convert for the attachments: one file at a time, as
// together they can be far larger than memory, and with the content key
// rewritten to match keys (nil for plain ones).
func (s *Store) convertContent(tx *gorm.DB, from, to FieldCodec, keys *dataKeys) error {
	var ids []int64
	if err := tx.Raw("SELECT id FROM attachments ORDER BY id").Scan(&ids).Error; err != nil {
		return err
	}
	for _, id := range ids {
		var sum string
		var data []byte
		if err := tx.Raw("SELECT sha256, data FROM attachments WHERE id = ?", id).Row().Scan(&sum, &data); err != nil {
			return err
		}
		open := sealer{codec: from, table: "attachments", id: id}
		plainSum, plain := open.open("sha256", sum), open.open("data", string(data))
		if open.err != nil {
			return fmt.Errorf("attachments %d: %w", id, open.err)
		}
		seal := sealer{codec: to, table: "attachments", id: id}
		sealedSum, sealed := seal.seal("sha256", plainSum), seal.seal("data", plain)
		if seal.err != nil {
			return seal.err
		}
		key := plainSum
		if keys != nil {
			key = keys.contentKey(plainSum)
		}
		if err := tx.Exec("UPDATE attachments SET sha256 = ?, data = ?, content_key = ? WHERE id = ?", sealedSum, []byte(sealed), key, id).Error; err != nil {
			return err
		}
	}
	return nil
}
