// Namespaces nearly every module file uses: the API's records, EF Core, and the platform's API and persistence
// conventions. Modules still name each other's namespaces file by file, so a dependency between modules stays visible.
global using Microsoft.EntityFrameworkCore;
global using WedTech.Contracts;
global using WedTech.Server.Platform.Api;
global using WedTech.Server.Platform.Persistence;
