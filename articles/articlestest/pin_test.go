package articlestest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// The hashes below were taken from the generators before they were made
// one package (commit 5d54df9, articles/articlestest and
// cmd/gencorpus/corpus). Benchmarks are compared across commits, so a
// change to a generator's output is a change to every benchmark that uses
// it: a failure here means the text changed, not that the test is stale.

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func TestArticlePinned(t *testing.T) {
	for _, tc := range []struct {
		size int
		seed uint64
		sha  string
	}{
		{0, 0, "39e0e90c39049e16e177741f862cb3b34b8b8d1d1ba6fd1e4459015876aeb214"},
		{0, 1, "968400efa8b0e8ab07a6fa33ac40abdeeea98bd1e31fdbccd4df0d1091f4f9fe"},
		{0, 2, "daa0bd6f71bd34d5bc8e6eea87379078b9dc094353eabbf184883bec421b4d2b"},
		{0, 7, "5e01c150665457d027a430e468c5a90eb9d5ba6c1b4532caa76e11b263e2bce9"},
		{0, 42, "0a7712e8be36ea10df1b8559e97dedc17fc2622f44c9b6bfb342f5955ed1c2c2"},
		{0, 1 << 40, "e6dc4a08553ba148b382cf54736b7b30850d8602635325637f113b22c0cc6e6a"},
		{1, 0, "39e0e90c39049e16e177741f862cb3b34b8b8d1d1ba6fd1e4459015876aeb214"},
		{1, 1, "968400efa8b0e8ab07a6fa33ac40abdeeea98bd1e31fdbccd4df0d1091f4f9fe"},
		{1, 2, "daa0bd6f71bd34d5bc8e6eea87379078b9dc094353eabbf184883bec421b4d2b"},
		{1, 7, "5e01c150665457d027a430e468c5a90eb9d5ba6c1b4532caa76e11b263e2bce9"},
		{1, 42, "0a7712e8be36ea10df1b8559e97dedc17fc2622f44c9b6bfb342f5955ed1c2c2"},
		{1, 1 << 40, "e6dc4a08553ba148b382cf54736b7b30850d8602635325637f113b22c0cc6e6a"},
		{100, 0, "39e0e90c39049e16e177741f862cb3b34b8b8d1d1ba6fd1e4459015876aeb214"},
		{100, 1, "968400efa8b0e8ab07a6fa33ac40abdeeea98bd1e31fdbccd4df0d1091f4f9fe"},
		{100, 2, "daa0bd6f71bd34d5bc8e6eea87379078b9dc094353eabbf184883bec421b4d2b"},
		{100, 7, "5e01c150665457d027a430e468c5a90eb9d5ba6c1b4532caa76e11b263e2bce9"},
		{100, 42, "0a7712e8be36ea10df1b8559e97dedc17fc2622f44c9b6bfb342f5955ed1c2c2"},
		{100, 1 << 40, "e6dc4a08553ba148b382cf54736b7b30850d8602635325637f113b22c0cc6e6a"},
		{4 << 10, 0, "b14f71f55398f1fc2dd22cfa52fb1c119a60a7a1f4627a464d60dc35f3897a9f"},
		{4 << 10, 1, "6b80cdff75073a43a2c2e16ab13f297be27efcfc751e4bd44f2de1f355603631"},
		{4 << 10, 2, "e0ba1ae0230578b490a35859d39c118b4b161e53f70dce2eba88208ddcbc5ead"},
		{4 << 10, 7, "155116ec2d6f1fabaf841714efe6ecba6ebcab995d67ee1c704db6bd7af3fbb5"},
		{4 << 10, 42, "b92e0ff1756cbdac66d84610176858f0470c83e40115dde4b54bdcb5c9612e7e"},
		{4 << 10, 1 << 40, "0ea4e3edbe23111c63109e89a6cae8202c08e7555cfbdeeeb891f15673e99224"},
		{64 << 10, 0, "6d005dcb2e562ddfe9e8e933d8dcd447e0f81e1829d27f23bb0e9a282eec06c4"},
		{64 << 10, 1, "16b6dbe63a1500ab66751e0a8834e6c7d9df62c46ec726d6a4292eef41b3e378"},
		{64 << 10, 2, "b0da06ecfde47fe3bda469d528eff7a7148b29b41b9fb5dba5be4e78b7647a1b"},
		{64 << 10, 7, "e97b4bd8947c2c74bcc68a90c4bb331a8023c2e17c2c361216447ce5670bfc08"},
		{64 << 10, 42, "c288d836a0e811e6cc26d97bcc1a04f95ebbff1de465638d61ce9ae46160c703"},
		{64 << 10, 1 << 40, "eab2581a9b20326cb3b7674255a8219f4f634a9d04ff4d973e9977e709ca4463"},
		{1 << 20, 0, "5d17264c76057a932227ee78dd78e9ccb3ed099b82a74f1584df471a6b4a06fd"},
		{1 << 20, 1, "0e44034f6d5dabd2f72b93626484b5a7bf0573581a1a8a019ee6cb575be5402d"},
		{1 << 20, 2, "7ee526d1aca16ac4f64d1fd645a93d9094195d0afd53cd4bc984615b41abd47e"},
		{1 << 20, 7, "683817ffa8a077dde5119631c0feddf1de31ff54604cded39463fe1c33b27af0"},
		{1 << 20, 42, "edb3c80073e4d63f315c12be7f364e02dc9d9e2d3c2fbbab0b2268872b1d9c5c"},
		{1 << 20, 1 << 40, "0b0807ba48d7bcad200e8b804f13d07831460dc61a4f77db5d2ca88b97999fa2"},
	} {
		if got := sum(Article(tc.size, tc.seed)); got != tc.sha {
			t.Errorf("Article(%d, %d): sha256 %s, want %s", tc.size, tc.seed, got, tc.sha)
		}
	}
}

// TestSentenceHeadingPinned draws 50 sentences and headings, interleaved,
// from one generator, as a caller that builds its own text does.
func TestSentenceHeadingPinned(t *testing.T) {
	for _, tc := range []struct {
		seed uint64
		sha  string
	}{
		{0, "84f10bf42ee07e02f15f52c7938fee602fa62eac8b3fb0a82df028eea5a43e21"},
		{1, "2a8335840b03b48cf0efc8a1b4632be2f00d67d3f4818ea75cf7a03f9ffd6445"},
		{99, "c8bbce114b30d2461851d78c7c8cf727c66fce5183531be0790e3fafe731dc25"},
	} {
		r := rand.New(rand.NewPCG(tc.seed, tc.seed+1))
		var b strings.Builder
		for range 50 {
			b.WriteString(Sentence(r) + "\n" + Heading(r) + "\n")
		}
		if got := sum([]byte(b.String())); got != tc.sha {
			t.Errorf("seed %d: sha256 %s, want %s", tc.seed, got, tc.sha)
		}
	}
}

func TestCorpusArticlePinned(t *testing.T) {
	for _, tc := range []struct {
		seed uint64
		i    int
		sha  string
	}{
		{0, 0, "7b31494ff014672f164b1cb51e8f648c249711fa12024838f53f63650bb43b62"},
		{0, 1, "2ba2719a732ce89cbfefa19eea1e8735c3adc0577a7aeedb6832af1e035e980d"},
		{0, 24, "2b93c095593ca4d8f677406c224637811a558595d199135b3dc7d53ae35fb313"},
		{0, 42, "99b349cc22f29c37a932fb28bea66fc84bbd9c1a03971a5fb7ac45efb0a7476c"},
		{0, 999, "33c42b2610913e1b1c0cd24b233f0c8b3b2745ee5f5c942a7d8b8a452c04f4fb"},
		{0, 99999, "bb91377a4e5417751565075dc34f4e3145dd5bffdb4205a6ecfc79ee170013ea"},
		{1, 0, "7c6b96e902c8ad005e2abfd0e66a69819b3dd98edc881e1261c904bcdd296859"},
		{1, 1, "aee51f980757a5b7be691e893f61ec50f058f43aecec21ca48af590d73641e60"},
		{1, 24, "0a48b5f52605a3a9969b66fc8e18c37647044723431c213d75d72dbd2c3bedfd"},
		{1, 42, "1bd4365d1bb4b14af2adb122555332f3a73b54fa10b4b69f53bad65ea47c6778"},
		{1, 999, "9d4fc0d9a3b9eb97ae0cecf2b34ca224b142f9b459e5fdf8754de255142fd1ee"},
		{1, 99999, "d6576d8aca24c14590bcb41e73b8729e36cf53cfd91d4cadbfa0db80bac2b8bc"},
		{3, 0, "2524025b81b02513a455c6a9144790ce3d55c42c4d7c05d2394dfeb625b9fed4"},
		{3, 1, "6eeda6b4bd5c926b605c5da6cd5ab0801edfc44301fc89b54031199b505e001c"},
		{3, 24, "f38e848de00a57210eb245c521e69078a9e23864c508f486730cc987e485956a"},
		{3, 42, "1966302851c3e1c47c932f7342e65efff78a96fa4f924ffb050ab71ee7fc35b5"},
		{3, 999, "88459ed0d7bfb6e72c1ac53e477405b297d30039d378fbe506264948b81a0319"},
		{3, 99999, "33968cb92735c006b57281e15046da2e85036bca890f213435d833e0caf739c6"},
		{1 << 40, 0, "4c88d5ff8d3e36aeff10b84305e47834925ab193f210f053509c4adbe263ebf1"},
		{1 << 40, 1, "87384703eec0b259d0e42f45a8b396eb66c37368078cb00fc17fadef1bff70b8"},
		{1 << 40, 24, "a9e88155b5fc5f0e23c021030cdb0c275a8f7831ec68532df6afcc0d5e7d72de"},
		{1 << 40, 42, "8d65d02c8bf792d55afa97117c8f5d70cbbf611c9bc986843c018eeb443ba42d"},
		{1 << 40, 999, "e8f83e6ab0ae6c51ab60990459c2036c01e2aae6b341b2da6984290a38f779c8"},
		{1 << 40, 99999, "e4b734692ebad3757db659971ebe0533a452fcf4051ff769f0e978f6bbc9d857"},
	} {
		if got := sum(CorpusArticle(tc.seed, tc.i)); got != tc.sha {
			t.Errorf("CorpusArticle(%d, %d): sha256 %s, want %s", tc.seed, tc.i, got, tc.sha)
		}
	}
}

func TestCorpusNamePinned(t *testing.T) {
	var b strings.Builder
	for i := range 1001 {
		b.WriteString(CorpusName(i))
	}
	if got, want := sum([]byte(b.String())), "81fd37b41ba972faac879c44dfe80d24254f391ff66a013befdab596f5894be5"; got != want {
		t.Errorf("CorpusName(0..1000): sha256 %s, want %s", got, want)
	}
	if got := CorpusName(42); got != "000042.txt" {
		t.Errorf("CorpusName(42) = %q", got)
	}
}

func TestFeedPinned(t *testing.T) {
	a, b := Feed(20, 1, "http://127.0.0.1/feed"), Feed(20, 1, "http://127.0.0.1/feed")
	if !bytes.Equal(a, b) {
		t.Fatal("Feed is not deterministic")
	}
	if n := bytes.Count(a, []byte("<item>")); n != 20 {
		t.Errorf("%d items, want 20", n)
	}
	if bytes.Equal(a, Feed(20, 2, "http://127.0.0.1/feed")) {
		t.Error("another seed gives the same feed")
	}
	if got := sum(a); got != "5c42f8d00ac163570f0cdc1205d5bd7ae6b56371e52a92b04b02a8c947b3dbda" {
		t.Errorf("Feed(20, 1) changed: sha256 %s", got)
	}
}
