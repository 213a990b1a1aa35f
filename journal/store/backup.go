package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/throughline/throughline/journal"
)

// SettingBackupDir is the backup folder the person chose; "" means
// DefaultBackupDir.
const SettingBackupDir = "backup_dir"

// How many automatic backups are kept: the newest days, then one for
// each of the weeks before them.
const (
	keepDays  = 7
	keepWeeks = 4
)

// Backup file names. The date and time are local, as the person reads
// them; a number after them keeps two backups of the same second apart.
const (
	dayLayout   = "2006-01-02"
	stampLayout = "2006-01-02-150405"
)

// The backups' names, compiled on first use: most commands never list
// backups, and a program's start should cost only what it uses.
var (
	dailyName         = lazyRegexp(`^throughline-(\d{4}-\d{2}-\d{2})\.db$`)
	manualName        = lazyRegexp(`^throughline-(\d{4}-\d{2}-\d{2}-\d{6})(-\d+)?\.db$`)
	beforeRestoreName = lazyRegexp(`^before-restore-(\d{4}-\d{2}-\d{2}-\d{6})(-\d+)?\.db$`)
)

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// BackupKind says how a backup came to be, which decides whether it is
// ever pruned.
type BackupKind string

const (
	BackupDaily         BackupKind = "daily"          // made automatically, pruned to 7 daily + 4 weekly
	BackupManual        BackupKind = "manual"         // made by the person; never pruned
	BackupBeforeRestore BackupKind = "before-restore" // the journal as it was before a restore; never pruned
)

// BackupFile is one backup in the backup folder.
type BackupFile struct {
	Path string
	Kind BackupKind
	Time time.Time // when it was made, local time
	Size int64     // bytes
}

// DefaultBackupDir is the backup folder beside the journal at
// journalPath, used until the person chooses another.
func DefaultBackupDir(journalPath string) string {
	return filepath.Join(filepath.Dir(journalPath), "backups")
}

// BackupDir is the folder backups go to: the one the person chose, or
// DefaultBackupDir. It may not exist yet.
func (s *Store) BackupDir() (string, error) {
	dir, err := s.Setting(SettingBackupDir)
	if err != nil || dir != "" {
		return dir, err
	}
	return DefaultBackupDir(s.path), nil
}

// SetBackupDir makes dir the backup folder, creating it only you can
// read. "" goes back to DefaultBackupDir. A folder that can't be created
// or written is refused, and the setting stays as it was.
func (s *Store) SetBackupDir(dir string) error {
	dir = strings.TrimSpace(dir)
	if dir == "" {
		return s.SetSetting(SettingBackupDir, "")
	}
	if rest, ok := strings.CutPrefix(dir, "~"); ok && (rest == "" || rest[0] == filepath.Separator) {
		if home, err := os.UserHomeDir(); err == nil {
			dir = home + rest
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return journal.Errorf(journal.EInvalid, "The folder %q can't be used for backups: %v.", dir, err)
	}
	if abs == filepath.Dir(s.path) {
		return journal.Errorf(journal.EInvalid, "%s is the journal's own folder. Choose a folder of its own for backups, such as %s.", abs, DefaultBackupDir(s.path))
	}
	if err := makeBackupDir(abs); err != nil {
		return err
	}
	probe, err := os.CreateTemp(abs, ".throughline-write-test-*")
	if err != nil {
		return journal.Errorf(journal.EUnwritable, "Can't keep backups in %s: %v. Choose a folder you can write to.", abs, plainCause(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return s.SetSetting(SettingBackupDir, abs)
}

// BackupDirFor is the backup folder of the journal at journalPath, read
// without opening it through Open, so it works when the journal is
// damaged; if the setting can't be read, it is DefaultBackupDir.
func BackupDirFor(journalPath string) string {
	abs, err := filepath.Abs(journalPath)
	if err != nil {
		abs = journalPath
	}
	if checkHeader(abs) == nil {
		if db, err := openJournalReadOnly(abs); err == nil {
			var dir string
			err := db.QueryRow("SELECT value FROM settings WHERE key = ?", SettingBackupDir).Scan(&dir)
			db.Close()
			if err == nil && filepath.IsAbs(dir) {
				return dir
			}
		}
	}
	return DefaultBackupDir(abs)
}

// Backup copies the journal into a new file at path with VACUUM INTO: a
// consistent snapshot even while it is being written, without free pages
// (so without deleted text) and with every row exactly as stored, so an
// encrypted journal's backup is encrypted too. path "" makes a manual
// backup in BackupDir, and a folder gets one inside it. An existing file
// is never replaced. It returns the backup's path.
func (s *Store) Backup(path string) (string, error) {
	if path == "" {
		dir, err := s.BackupDir()
		if err != nil {
			return "", err
		}
		if err := makeBackupDir(dir); err != nil {
			return "", err
		}
		path = dir
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", journal.Errorf(journal.EInvalid, "The backup path %q can't be used: %v.", path, err)
	}
	if info, err := os.Stat(abs); err == nil && info.IsDir() {
		abs = freeName(abs, "throughline-"+s.now().Local().Format(stampLayout))
	}
	// Never a copy of a damaged journal: it would push good ones out.
	if err := s.Soundness(); err != nil {
		return "", err
	}
	err = snapshotInto(abs, func(target string) error {
		// A read-only connection of its own: copying a long journal takes
		// seconds, and the store's one connection must go on serving the
		// window meanwhile.
		db, err := openReadOnly(s.path, false)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec("VACUUM INTO ?", target)
		return err
	})
	if corrupt(err) {
		// SQLite met the damage while copying: the journal's, not the
		// backup's.
		return "", s.noteDamage([]string{errors.Unwrap(err).Error()})
	}
	if err != nil {
		return "", err
	}
	return abs, nil
}

// BackupIfDue makes today's automatic backup in BackupDir, unless there
// is one, checks the journal (Check), then prunes the automatic backups
// to 7 daily and 4 weekly. It
// returns the backup made, or "" when today's was already there.
func (s *Store) BackupIfDue(now time.Time) (made string, err error) {
	dir, err := s.BackupDir()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "throughline-"+now.Local().Format(dayLayout)+".db")
	if info, err := os.Lstat(path); err == nil && info.Size() > 0 {
		return "", nil
	}
	if err := makeBackupDir(dir); err != nil {
		return "", err
	}
	if made, err = s.Backup(path); err != nil {
		return "", err
	}
	// Once a day, with the file just read through and so in memory: the
	// whole check. A copy of a damaged journal would push good backups
	// out, so it goes, and none are pruned.
	if err := s.Check(); err != nil {
		os.Remove(made)
		return "", err
	}
	return made, pruneBackups(dir)
}

// pruneBackups deletes the automatic backups prunableBackups picks.
func pruneBackups(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return journal.Errorf(journal.EUnwritable, "Made today's backup, but couldn't read %s to remove old ones: %v.", dir, plainCause(err))
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	for _, name := range prunableBackups(names) {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return journal.Errorf(journal.EUnwritable, "Made today's backup, but couldn't remove the old backup %s: %v.", filepath.Join(dir, name), plainCause(err))
		}
	}
	return nil
}

// prunableBackups picks, among file names, the automatic backups to
// delete. Other files, manual backups and pre-restore copies among them,
// are never picked.
func prunableBackups(names []string) []string {
	byDay := map[time.Time]string{}
	var days []time.Time
	for _, name := range names {
		m := dailyName().FindStringSubmatch(name)
		if m == nil {
			continue
		}
		day, err := time.Parse(dayLayout, m[1])
		if err != nil {
			continue
		}
		byDay[day] = name
		days = append(days, day)
	}
	var out []string
	for _, day := range expiredDays(days) {
		out = append(out, byDay[day])
	}
	return out
}

// expiredDays is the days whose automatic backups go: all but the 7
// newest days, and, for each of the 4 newest ISO weeks with backups
// before the oldest kept day's week, the newest day of that week. Weeks
// without backups (the computer was off) don't count, so a holiday
// doesn't cost the older backups.
func expiredDays(days []time.Time) []time.Time {
	days = slices.Clone(days)
	slices.SortFunc(days, func(a, b time.Time) int { return b.Compare(a) })
	days = slices.Compact(days)
	if len(days) <= keepDays {
		return nil
	}
	week := func(t time.Time) int { y, w := t.ISOWeek(); return y*100 + w }
	last := week(days[keepDays-1])
	kept := 0
	var expired []time.Time
	for _, day := range days[keepDays:] {
		w := week(day)
		if w != last && kept < keepWeeks {
			kept++ // newest first, so the first day met in a week is its newest
		} else {
			expired = append(expired, day)
		}
		last = w
	}
	return expired
}

// Backups lists the backups in dir, newest first. A folder that doesn't
// exist yet has none.
func Backups(dir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't read the backup folder %s: %v.", dir, plainCause(err))
	}
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() == 0 { // an empty file is a backup that never happened
			continue
		}
		b := BackupFile{Path: filepath.Join(dir, name), Kind: BackupManual, Time: info.ModTime().Local(), Size: info.Size()}
		b.Kind, b.Time = classify(name, b.Time)
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b BackupFile) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return out, nil
}

// classify reads a backup's kind and time from its name, which survives
// copying to another disk where the file's time may not.
func classify(name string, modified time.Time) (BackupKind, time.Time) {
	if m := dailyName().FindStringSubmatch(name); m != nil {
		if day, err := time.ParseInLocation(dayLayout, m[1], time.Local); err == nil {
			if modified.Format(dayLayout) == m[1] {
				return BackupDaily, modified
			}
			return BackupDaily, day
		}
	}
	for kind, re := range map[BackupKind]*regexp.Regexp{BackupManual: manualName(), BackupBeforeRestore: beforeRestoreName()} {
		if m := re.FindStringSubmatch(name); m != nil {
			if t, err := time.ParseInLocation(stampLayout, m[1], time.Local); err == nil {
				return kind, t
			}
		}
	}
	return BackupManual, modified
}

// NewestGoodBackup is the newest backup in dir that CheckBackup accepts.
func NewestGoodBackup(dir string) (BackupFile, bool) {
	list, _ := Backups(dir)
	for _, b := range list {
		if CheckBackup(b.Path) == nil {
			return b, true
		}
	}
	return BackupFile{}, false
}

// freeName is dir/stem.db, or dir/stem-2.db and so on when that is
// taken, so two backups in the same second both happen.
func freeName(dir, stem string) string {
	path := filepath.Join(dir, stem+".db")
	for n := 2; n < 100; n++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			break
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.db", stem, n))
	}
	return path
}

// makeBackupDir creates dir, only you can read, if it isn't there.
func makeBackupDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't create the backup folder %s: %v. Choose another folder.", dir, plainCause(err))
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return journal.Errorf(journal.EUnwritable, "Can't keep backups in %s: it is not a folder. Choose another folder.", dir)
	}
	return nil
}

// snapshotInto makes a new private file at target and has vacuum write
// the journal into it. VACUUM INTO wants the file absent or empty; making
// it first, with O_EXCL and mode 0600, keeps the copy private whatever
// the umask, and never replaces a file. A failed snapshot is removed.
func snapshotInto(target string, vacuum func(target string) error) (err error) {
	f, err := createPrivate(target)
	if err != nil {
		return err
	}
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(target)
		}
	}()
	if err := vacuum(target); err != nil {
		return &journal.Error{Code: journal.EUnwritable, Message: fmt.Sprintf("Couldn't write the backup %s: %v. Nothing else was changed.", target, err), Err: err}
	}
	// SQLite doesn't sync what VACUUM INTO writes: a power cut could
	// otherwise leave a backup that only looked made.
	return syncFileAndDir(target)
}

// createPrivate creates path for writing, only you can read. An empty
// file left by an interrupted backup is replaced; anything else is not.
func createPrivate(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode().IsRegular() && info.Size() == 0 {
			os.Remove(path)
			f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		}
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return nil, journal.Errorf(journal.EInvalid, "%s already exists, and a backup never replaces a file. Choose a new name, or move that file away first.", path)
	case errors.Is(err, fs.ErrNotExist):
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't create %s: the folder %s doesn't exist. Create it, or choose another place.", path, filepath.Dir(path))
	case err != nil:
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't create %s: %v. Choose another place.", path, plainCause(err))
	}
	return f, nil
}

// syncFileAndDir makes path and its name in its folder durable.
func syncFileAndDir(path string) error {
	for _, p := range []string{path, filepath.Dir(path)} {
		f, err := os.Open(p)
		if err == nil {
			err = f.Sync()
			f.Close()
		}
		if err != nil {
			return journal.Errorf(journal.EUnwritable, "Couldn't make sure %s reached the disk: %v.", p, plainCause(err))
		}
	}
	return nil
}
