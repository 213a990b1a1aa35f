package syncfolder

import (
	"crypto/cipher"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"

	"github.com/throughline/throughline/journal"
)

const (
	headerFormat  = "throughline-sync"
	headerVersion = 1
	// checkText is sealed into the header so a wrong key is told apart
	// from a damaged segment before anything is read.
	checkText = "throughline sync folder key check v1"
)

var (
	// ErrNotSyncFolder is wrapped by ReadHeader's error for a folder that
	// isn't a Throughline sync folder.
	ErrNotSyncFolder = errors.New("not a Throughline sync folder")
	// ErrWrongKey is wrapped by Open's error when the key doesn't open
	// the folder.
	ErrWrongKey = errors.New("the key doesn't open this sync folder")

	journalIDRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)
)

// Header is what the folder says about itself in plain: which journal it
// holds and the data key wrapped by the passphrase (opaque here; the store
// wraps and unwraps it).
type Header struct {
	JournalID string
	Keyring   []byte
}

// headerFile is throughline-sync.json. It holds no journal words.
type headerFile struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Journal string `json:"journal"`
	Keyring []byte `json:"keyring"`
	Check   []byte `json:"check"`
}

// Folder is an opened sync folder: its header and the data key's cipher.
// It is safe to use from several goroutines.
type Folder struct {
	dir    string
	check  []byte
	aead   cipher.AEAD
	mu     sync.Mutex // guards header.Keyring, which SetKeyring replaces
	header Header
}

// ReadHeader reads dir's header; a dir that isn't a Throughline sync folder → ErrNotSyncFolder
// (wrapped in an error for people naming dir).
func ReadHeader(dir string) (Header, error) {
	hf, err := readHeaderFile(dir)
	if err != nil {
		return Header{}, err
	}
	return Header{JournalID: hf.Journal, Keyring: hf.Keyring}, nil
}

func readHeaderFile(dir string) (headerFile, error) {
	notOurs := func(why string) error {
		return &journal.Error{
			Code:    journal.EInvalid,
			Message: fmt.Sprintf("%s is not a Throughline sync folder (%s). Choose the folder another computer set up for sync, or an empty one.", dir, why),
			Err:     ErrNotSyncFolder,
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, headerName))
	switch {
	case errors.Is(err, os.ErrNotExist):
		if _, serr := os.Stat(dir); serr != nil {
			return headerFile{}, notOurs("it doesn't exist")
		}
		return headerFile{}, notOurs("it has no " + headerName)
	case err != nil:
		return headerFile{}, notOurs("its " + headerName + " can't be read: " + err.Error())
	}
	var hf headerFile
	if err := json.Unmarshal(data, &hf); err != nil || hf.Format != headerFormat {
		return headerFile{}, notOurs("its " + headerName + " isn't one Throughline wrote")
	}
	if hf.Version > headerVersion {
		return headerFile{}, journal.Errorf(journal.ETooNew,
			"The sync folder %s was set up by a newer Throughline (format %d). Update Throughline on this computer, then try again.", dir, hf.Version)
	}
	if hf.Version < 1 || !journalIDRe.MatchString(hf.Journal) || len(hf.Check) == 0 {
		return headerFile{}, notOurs("its " + headerName + " is incomplete or damaged")
	}
	return hf, nil
}

// Create makes dir a sync folder for the journal (dir missing or empty but for sync-service
// marker files); a folder of this same journal is returned opened; anything else refused.
func Create(dir string, h Header, key []byte) (*Folder, error) {
	if !journalIDRe.MatchString(h.JournalID) {
		return nil, fmt.Errorf("syncfolder: journal id %q is not usable", h.JournalID)
	}
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't look inside %s: %v. Choose a folder you can write to.", dir, err)
	}
	for _, e := range entries {
		if e.Name() == headerName {
			return reopen(dir, h, key)
		}
	}
	for _, e := range entries {
		if !isServiceMarker(e.Name()) {
			return nil, journal.Errorf(journal.EInvalid,
				"%s already holds other files (such as %q). Choose an empty folder for sync, so nothing of yours is mixed in with the journal's files.", dir, e.Name())
		}
	}
	h.Keyring = append([]byte(nil), h.Keyring...)
	f := &Folder{dir: dir, header: h, aead: aead}
	f.check = sealWith(aead, []byte(checkText), h.JournalID)
	if err := mkdirs(dir, filepath.Join(dir, devicesDir), filepath.Join(dir, snapshotsDir)); err != nil {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't set up the sync folder %s: %v. Choose a folder you can write to.", dir, err)
	}
	if err := f.writeHeader(); err != nil {
		return nil, err
	}
	return f, nil
}

// reopen opens dir for Create when it already holds a header: only this
// journal's own folder is accepted.
func reopen(dir string, h Header, key []byte) (*Folder, error) {
	existing, err := ReadHeader(dir)
	if err != nil {
		return nil, err
	}
	if existing.JournalID != h.JournalID {
		return nil, journal.Errorf(journal.EInvalid,
			"%s already holds another journal's sync files. Choose an empty folder, or join that journal instead.", dir)
	}
	return Open(dir, key)
}

// Open opens an existing folder with the data key; a key that doesn't open the check → ErrWrongKey.
// Opening writes nothing: a folder opened with the wrong key is left as it was.
func Open(dir string, key []byte) (*Folder, error) {
	hf, err := readHeaderFile(dir)
	if err != nil {
		return nil, err
	}
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	if plain, err := openWith(aead, hf.Check, hf.Journal); err != nil || string(plain) != checkText {
		return nil, &journal.Error{
			Code:    journal.ELocked,
			Message: fmt.Sprintf("The journal's key doesn't open the sync folder %s: it was set up with another key, or its header was changed. Nothing was changed.", dir),
			Err:     ErrWrongKey,
		}
	}
	return &Folder{dir: dir, header: Header{JournalID: hf.Journal, Keyring: hf.Keyring}, check: hf.Check, aead: aead}, nil
}

// Dir is the folder's path.
func (f *Folder) Dir() string { return f.dir }

// Header returns the folder's header.
func (f *Folder) Header() Header {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.header
	h.Keyring = append([]byte(nil), h.Keyring...)
	return h
}

// SetKeyring rewrites the header with a newly wrapped data key, after the
// passphrase changed; the journal id and key check stay as they are.
func (f *Folder) SetKeyring(keyring []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	old := f.header.Keyring
	f.header.Keyring = append([]byte(nil), keyring...)
	if err := f.writeHeader(); err != nil {
		f.header.Keyring = old
		return err
	}
	return nil
}

func (f *Folder) writeHeader() error {
	data, err := json.MarshalIndent(headerFile{
		Format:  headerFormat,
		Version: headerVersion,
		Journal: f.header.JournalID,
		Keyring: f.header.Keyring,
		Check:   f.check,
	}, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(f.dir, headerName), append(data, '\n')); err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't write the sync folder's header in %s: %v.", f.dir, err)
	}
	return nil
}

func (f *Folder) deviceDir(device string) string {
	return filepath.Join(f.dir, devicesDir, device)
}
