package syncfolder

import (
	"bytes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// KeySize is the data key's length: the journal's XChaCha20-Poly1305 key.
const KeySize = chacha20poly1305.KeySize

// Each framed file starts with its kind's magic, a format version and the
// sealed bytes' length, so a reader can tell a file still arriving
// (shorter than it says) from one that was damaged.
const (
	frameVersion = 1
	frameHead    = 4 + 1 + 8
	// maxSealed bounds the length a file may claim, so damage to the
	// length field reads as damage rather than as a file forever arriving.
	maxSealed = 1 << 34
)

var (
	magicSegment  = []byte("TLSG")
	magicSnapshot = []byte("TLSN")
	magicState    = []byte("TLST")
)

// errIncomplete is a file still being carried by the sync service.
var errIncomplete = errors.New("the file is still arriving")

// errUnseal is a sealed payload that didn't open: changed on disk, moved
// to another name, or sealed with another key.
var errUnseal = errors.New("it couldn't be decrypted: it was changed, renamed or moved outside Throughline")

func newAEAD(key []byte) (cipher.AEAD, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("syncfolder: the data key must be %d bytes, not %d", KeySize, len(key))
	}
	return chacha20poly1305.NewX(key)
}

func sealWith(aead cipher.AEAD, plain []byte, ad string) []byte {
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		panic("crypto/rand failed: " + err.Error()) // no randomness: nothing is safe to seal
	}
	return aead.Seal(nonce, nonce, plain, []byte(ad))
}

func openWith(aead cipher.AEAD, sealed []byte, ad string) ([]byte, error) {
	n := aead.NonceSize()
	if len(sealed) < n+aead.Overhead() {
		return nil, errUnseal
	}
	plain, err := aead.Open(nil, sealed[:n], sealed[n:], []byte(ad))
	if err != nil {
		return nil, errUnseal
	}
	return plain, nil
}

func frame(magic, sealed []byte) []byte {
	out := make([]byte, frameHead, frameHead+len(sealed))
	copy(out, magic)
	out[4] = frameVersion
	binary.BigEndian.PutUint64(out[5:frameHead], uint64(len(sealed)))
	return append(out, sealed...)
}

// unframe returns a framed file's sealed bytes; errIncomplete when the
// file is a true beginning of one still arriving, another error when it
// is damaged.
func unframe(magic, data []byte) ([]byte, error) {
	head := []byte{magic[0], magic[1], magic[2], magic[3], frameVersion}
	if len(data) < len(head) {
		if bytes.Equal(data, head[:len(data)]) {
			return nil, errIncomplete
		}
		return nil, errors.New("it doesn't start as a Throughline sync file")
	}
	if !bytes.Equal(data[:4], magic) {
		return nil, errors.New("it doesn't start as a Throughline sync file")
	}
	if data[4] != frameVersion {
		return nil, fmt.Errorf("it was written in format %d, which this Throughline doesn't know (update Throughline)", data[4])
	}
	if len(data) < frameHead {
		return nil, errIncomplete
	}
	size := binary.BigEndian.Uint64(data[5:frameHead])
	body := data[frameHead:]
	switch {
	case size > maxSealed:
		return nil, errors.New("it claims to be larger than any sync file")
	case uint64(len(body)) < size:
		return nil, errIncomplete
	case uint64(len(body)) > size:
		return nil, errors.New("it is longer than it says")
	}
	return body, nil
}

func segmentAD(journal, device string, seq uint64) string {
	return fmt.Sprintf("%s|%s|%d", journal, device, seq)
}

func snapshotAD(journal, device string, seq uint64) string {
	return fmt.Sprintf("%s|%s|%d|snapshot", journal, device, seq)
}

func stateAD(journal, device string) string {
	return fmt.Sprintf("%s|%s|state", journal, device)
}
