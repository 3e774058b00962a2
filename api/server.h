// The HTTP JSON API and the static viewer (issue 6 fills this in).
#pragma once

namespace negograph::api {}  // namespace negograph::api
