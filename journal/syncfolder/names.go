package syncfolder

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

const (
	headerName   = "throughline-sync.json"
	devicesDir   = "devices"
	snapshotsDir = "snapshots"
	stateName    = "state"
	seqDigits    = 12
	maxSeq       = 999_999_999_999
)

var (
	// deviceRe keeps device ids safe as one path component and apart from
	// sync-service files (which start with a dot or carry one).
	deviceRe   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)
	segmentRe  = regexp.MustCompile(`^([0-9]{12})\.seg$`)
	snapshotRe = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9_-]{0,63})-([0-9]{12})\.snap$`)
)

// serviceMarkers are files a sync service or desktop puts in a folder it
// looks after. A folder holding only these counts as empty.
var serviceMarkers = map[string]bool{
	".stfolder":                           true, // Syncthing
	".stignore":                           true,
	".stversions":                         true,
	".dropbox":                            true, // Dropbox
	".dropbox.cache":                      true,
	".owncloudsync.log":                   true, // Nextcloud / ownCloud
	".owncloudsync.log.1":                 true,
	".nextcloudsync.log":                  true,
	".sync":                               true, // Resilio
	".DS_Store":                           true, // desktops
	"desktop.ini":                         true,
	"Thumbs.db":                           true,
	"Icon\r":                              true,
	".localized":                          true,
	".com.apple.timemachine.donotpresent": true,
}

// isServiceMarker says whether name is a file a sync service or desktop
// keeps for itself, including Nextcloud's journal databases.
func isServiceMarker(name string) bool {
	if serviceMarkers[name] {
		return true
	}
	return (strings.HasPrefix(name, ".sync_") || strings.HasPrefix(name, "._sync_")) && strings.Contains(name, ".db")
}

func validDevice(device string) error {
	if !deviceRe.MatchString(device) {
		return fmt.Errorf("syncfolder: %q is not a device id (letters, digits, - and _, up to 64)", device)
	}
	return nil
}

func validSeq(seq uint64) error {
	if seq < 1 || seq > maxSeq {
		return fmt.Errorf("syncfolder: sequence number %d is out of range", seq)
	}
	return nil
}

func segmentName(seq uint64) string {
	return fmt.Sprintf("%0*d.seg", seqDigits, seq)
}

func snapshotName(device string, seq uint64) string {
	return fmt.Sprintf("%s-%0*d.snap", device, seqDigits, seq)
}

// parseSegmentName returns a segment file's seq; ok is false for any file
// that isn't one of ours (conflict copies, temporary files, markers).
func parseSegmentName(name string) (uint64, bool) {
	m := segmentRe.FindStringSubmatch(name)
	if m == nil {
		return 0, false
	}
	seq, err := strconv.ParseUint(m[1], 10, 64)
	return seq, err == nil && seq >= 1
}

func parseSnapshotName(name string) (device string, seq uint64, ok bool) {
	m := snapshotRe.FindStringSubmatch(name)
	if m == nil {
		return "", 0, false
	}
	seq, err := strconv.ParseUint(m[2], 10, 64)
	return m[1], seq, err == nil && seq >= 1
}
