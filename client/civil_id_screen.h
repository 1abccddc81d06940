// The first screen: type a civil ID, see it checked as you type (common/civil_id.h, the same code
// the server runs), then ask the server and see its answer.
#pragma once
#include "client/app.h"

namespace muamala::client {

void draw_civil_id_screen(App& app);  // between ImGui::NewFrame() and ImGui::Render()

}  // namespace muamala::client
