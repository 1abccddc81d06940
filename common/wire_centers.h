// JSON mapping of a service center: the one mapping the server writes, the app reads, an admin's
// edit goes through and the directory's data file is read with. Nothing here throws.
//
// A center: {"id","name":{en,ar},"governorate","shift","serves":"areas"|"governorate","areas":[ids],
//  "hours":{"days":["sunday",...],"opens":"07:30","closes":"14:00"},"slots":{"minutes","capacity"},
//  "model_center","illustrative"}. An evening center's areas are its governorate's (areas_served()).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/centers.h"
#include "common/wire.h"

namespace muamala {

Json to_json(const Center& center);

// A center as to_json() writes it. Each problem names its field ("hours.opens"); the center is
// only meaningful when there are none.
Center center_from_json(const Json& json, std::vector<Problem>& problems);

// An admin's edit: `body` is a center as to_json() gives it, with name, hours, slots, model_center
// (and areas, for a morning center) changed as wanted. id, governorate, shift, serves and
// illustrative cannot change: if sent they must be as they are. Every problem is returned, with the
// body's field name ("hours.opens"); `center` is changed only when there are none. The rules across
// centers are check_directory()'s (center_directory.h).
std::vector<Problem> apply_center_edit(Center& center, const Json& body);

// The directory's data file: {"illustrative", "shifts":{"morning":hours,"evening":hours},
// "slots":{...}, "centers":[{"id","name","governorate","shift","model_center","areas"}]}.
struct CenterDirectoryFile {
    std::vector<Center> centers;  // in the file's order; empty when `problem` is set
    std::string problem;          // the first problem found, in English, for the operator; "" when none
};
// Also refuses a file that breaks check_directory(): it would leave areas without a center.
CenterDirectoryFile read_center_directory(std::string_view json);

}  // namespace muamala
