#include "domain/record.h"
