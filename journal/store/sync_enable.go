package store

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/syncfolder"
)

func randomDevice() string { return hex.EncodeToString(randomBytes(8)) }

// deviceNumber picks a random number in [1, 2^22) no device in the folder has.
func deviceNumber(f *syncfolder.Folder) (uint32, error) {
	devices, err := f.Devices()
	if err != nil {
		return 0, err
	}
	used := map[uint32]bool{}
	for _, d := range devices {
		if st, err := f.ReadState(d); err == nil {
			used[st.Number] = true
		}
	}
	for {
		var b [4]byte
		rand.Read(b[:])
		n := binary.BigEndian.Uint32(b[:]) % (1 << 22)
		if n != 0 && !used[n] {
			return n, nil
		}
	}
}

func (s *Store) enableSync(dir, deviceName string) error {
	if !s.encrypted {
		return journal.Errorf(journal.EInvalid, "Sync needs encryption on, so the sync folder never holds a readable word. Turn it on first with `throughline encryption on`, then try again.")
	}
	if s.keys == nil {
		return errLocked
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return journal.Errorf(journal.EInvalid, "The sync folder %q can't be used: %v.", dir, err)
	}
	k, _, err := s.keyring(s.db)
	if err != nil {
		return internal("read the journal's key", err)
	}
	keyring, err := json.Marshal(k)
	if err != nil {
		return internal("prepare the sync folder", err)
	}
	if self, on, err := readSyncSelf(s.db); err == nil && on && self.Folder == abs {
		_, err := s.Sync()
		return err
	}
	f, err := syncfolder.Create(abs, syncfolder.Header{JournalID: randomDevice(), Keyring: keyring}, s.keys.data)
	if err != nil {
		return err
	}
	number, err := deviceNumber(f)
	if err != nil {
		return internal("read the sync folder", err)
	}
	device := randomDevice()
	var snapshot []byte
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("DELETE FROM sync_self").Error; err != nil {
			return err
		}
		if err := tx.Exec("INSERT INTO sync_self (id, folder, device, device_name, number) VALUES (1, ?, ?, ?, ?)", abs, device, deviceName, number).Error; err != nil {
			return err
		}
		if err := installSyncTriggers(tx); err != nil {
			return err
		}
		if err := registerLinks(tx); err != nil {
			return err
		}
		snapshot, err = takeSyncSnapshot(tx, 0)
		return err
	})
	if err != nil {
		return internal("turn sync on", err)
	}
	if err := f.WriteSnapshot(device, 1, map[string]uint64{device: 0}, snapshot); err != nil {
		return internal("write the first sync snapshot", err)
	}
	_, err = s.Sync()
	return err
}

func joinSync(path, dir, passphrase, deviceName string, options ...OpenOption) (*Store, error) {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil, journal.Errorf(journal.EInvalid, "There is already a journal at %s; joining makes a new one. Choose a path with no journal yet.", path)
	}
	h, err := syncfolder.ReadHeader(dir)
	if err != nil {
		return nil, err
	}
	var k keyringRow
	if err := json.Unmarshal(h.Keyring, &k); err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The sync folder %s doesn't hold a journal key this version can read.", dir)
	}
	keys, err := unwrap(k, passphrase)
	if err != nil {
		return nil, err
	}
	f, err := syncfolder.Open(dir, keys.data)
	if err != nil {
		return nil, err
	}
	snap, found, err := f.LatestSnapshot()
	if err != nil || !found {
		return nil, journal.Errorf(journal.EInvalid, "The sync folder %s has no complete snapshot yet; wait for it to finish syncing and try again.", dir)
	}
	number, err := deviceNumber(f)
	if err != nil {
		return nil, internal("read the sync folder", err)
	}
	abs, _ := filepath.Abs(dir)
	s, err := Open(path, options...)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Store, error) {
		s.Close()
		RemoveJournalFiles(path)
		return nil, err
	}
	device := randomDevice()
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("DROP TABLE " + searchTable).Error; err != nil {
			return err
		}
		hlc, err := loadSyncSnapshot(tx, snap.Payload)
		if err != nil {
			return err
		}
		if err := writeKeyring(tx, k); err != nil {
			return err
		}
		if err := tx.Exec("INSERT INTO sync_self (id, folder, device, device_name, number, hlc) VALUES (1, ?, ?, ?, ?, ?)", abs, device, deviceName, number, hlc).Error; err != nil {
			return err
		}
		for d, seq := range snap.Covers {
			if err := tx.Exec("INSERT INTO sync_cursors (device, seq) VALUES (?, ?)", d, seq).Error; err != nil {
				return err
			}
		}
		if err := installSyncTriggers(tx); err != nil {
			return err
		}
		return tx.Exec("DELETE FROM sync_outbox").Error
	})
	if err != nil {
		return fail(internal("join the synced journal", err))
	}
	s.encrypted, s.keys, s.codec = true, keys, sealedText{keys}
	if err := s.buildMemoryIndex(); err != nil {
		return fail(internal("build the search index", err))
	}
	if _, err := s.Sync(); err != nil {
		return fail(err)
	}
	return s, nil
}

// syncKeyringChanged puts the newly wrapped key in the sync folder, so the
// new passphrase is the one that joins other computers.
func (s *Store) syncKeyringChanged(k keyringRow) error {
	self, on, err := readSyncSelf(s.db)
	if err != nil || !on {
		return err
	}
	f, err := s.openSyncFolder(self)
	if err != nil {
		return journal.Errorf(journal.EInvalid, "The passphrase changed, but the sync folder %s couldn't be updated: other computers joining still need the old passphrase until the next sync. %v", self.Folder, err)
	}
	keyring, err := json.Marshal(k)
	if err != nil {
		return internal("update the sync folder's key", err)
	}
	if err := f.SetKeyring(keyring); err != nil {
		return internal("update the sync folder's key", err)
	}
	return nil
}
